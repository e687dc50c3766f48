package io.mcpoperator.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.mcpoperator.gateway.aggregate.AggregateConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gateway's side of the operator → gateway contract ({@code
 * contracts/gateway-config.schema.json}, checked here at test time, not at run time: see
 * docs/architecture.md): what the schema accepts, {@link ConfigLoader} loads; what it refuses, the
 * loader refuses with a message naming the same field, and a refused tools/prompts/resources entry
 * is skipped with such a message.
 */
class GatewayConfigContractTest {
  static final Path SCHEMA = Path.of("../contracts/gateway-config.schema.json");
  private static final JsonMapper MAPPER = JsonMapper.builder().build();
  private static final Schema CONTRACT = schema();

  static Stream<String> validDocuments() throws IOException {
    Stream<String> inline =
        Stream.of(
            "{}",
            "{\"version\":null,\"listen\":{\"port\":null},\"redis\":null}",
            "{\"upstream\":{\"transport\":\"stdio\",\"command\":[\"node\",\"server.js\"]}}",
            "{\"upstream\":{\"transport\":\"streamable-http\",\"url\":\"http://h/mcp\","
                + "\"protocolVersion\":\"2026-07-28\"}}",
            "{\"upstream\":{\"transport\":\"sse\",\"url\":\"http://h/sse\",\"protocolVersion\":null}}",
            "{\"redis\":{\"host\":\"r\",\"port\":null,\"database\":null}}",
            "{\"limits\":{\"rateLimit\":{\"requestsPerMinute\":60,\"burst\":null,\"x\":1},"
                + "\"maxSessions\":5,\"headerTimeoutMs\":100,\"bodyTimeoutMs\":100}}",
            "{\"unknown\":{\"fields\":[\"are\",\"ignored\"]},\"server\":{\"name\":\"n\",\"x\":1}}");
    Stream<String> files;
    try (Stream<Path> list = Files.list(Path.of("src/test/resources/config"))) {
      files =
          list
              .filter(p -> p.toString().endsWith(".json"))
              .sorted()
              .map(GatewayConfigContractTest::read)
              .toList()
              .stream();
    }
    return Stream.concat(files, inline);
  }

  @ParameterizedTest
  @MethodSource("validDocuments")
  void whatTheSchemaAcceptsTheLoaderLoadsWithEveryEntry(String json) {
    assertThat(violations(json)).isEmpty();

    GatewayConfig config = ConfigLoader.parse(json);
    assertThat(AggregateConfig.of(config).problems()).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "[]                                               | ''                      | must be a JSON object",
        "{\"version\":2}                                  | /version                | unsupported gateway configuration version 2",
        "{\"listen\":{\"port\":70000}}                    | /listen/port            | listen.port must be a port number",
        "{\"listen\":{\"port\":\"x\"}}                    | /listen/port            | listen.port must be an integer",
        "{\"upstream\":{\"transport\":\"grpc\"}}          | /upstream/transport     | upstream.transport must be one of",
        "{\"upstream\":{\"transport\":\"streamable-http\"}} | /upstream             | upstream.url is required",
        "{\"upstream\":{\"protocolVersion\":\"1999-01-01\"}} | /upstream/protocolVersion | upstream.protocolVersion must be one of",
        "{\"upstream\":{\"transport\":\"sse\",\"url\":\"http://h\",\"protocolVersion\":\"2026-07-28\"}} | /upstream/protocolVersion | upstream.protocolVersion 2026-07-28 needs transport",
        "{\"redis\":{\"port\":6379}}                      | /redis                  | redis.host is required",
        "{\"redis\":{\"host\":\"r\",\"port\":-1}}         | /redis/port             | redis.port must be a port number",
        "{\"limits\":{\"maxBodyBytes\":0}}                | /limits/maxBodyBytes    | limits.maxBodyBytes must be a positive integer, got",
        "{\"limits\":{\"requestTimeoutMs\":1.5}}          | /limits/requestTimeoutMs | limits.requestTimeoutMs must be an integer",
        "{\"limits\":{\"maxBodyBytes\":99999999999}} | /limits/maxBodyBytes | limits.maxBodyBytes is out of range",
        "{\"server\":5}                                   | /server                 | server must be an object or null, got 5",
        "{\"server\":{\"name\":5}}                        | /server/name            | server.name must be a string, got 5",
        "{\"redis\":\"redis:6379\"}                       | /redis                  | redis must be an object or null",
        "{\"upstream\":{\"transport\":5}}                 | /upstream/transport     | upstream.transport must be a string, got 5",
        "{\"upstream\":{\"command\":[\"node\",1]}}        | /upstream/command/1     | upstream.command[1] must be a string, got 1",
        "{\"limits\":{\"allowedOrigins\":\"*\"}}          | /limits/allowedOrigins  | limits.allowedOrigins must be an array",
        "{\"tools\":{}}                                   | /tools                  | tools must be an array, got {}",
        "{\"limits\":{\"maxSessions\":-3}}                | /limits/maxSessions     | limits.maxSessions must be a positive integer, got",
        "{\"limits\":{\"rateLimit\":5}}                   | /limits/rateLimit       | limits.rateLimit must be an object or null",
        "{\"limits\":{\"rateLimit\":{\"burst\":5}}}       | /limits/rateLimit       | limits.rateLimit.requestsPerMinute is required",
        "{\"limits\":{\"rateLimit\":{\"requestsPerMinute\":10,\"burst\":0}}} | /limits/rateLimit/burst | limits.rateLimit.burst must be a positive integer, got",
      })
  void whatTheSchemaRefusesTheLoaderRefusesNamingTheField(
      String json, String path, String message) {
    assertThat(violations(json)).anyMatch(v -> v.startsWith(path + ":"));

    assertThatThrownBy(() -> ConfigLoader.parse(json))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(message);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "tools     | {\"name\":\"t\",\"inputSchema\":{}}                                   | /tools/0          | tools[0].endpoint is required",
        "tools     | {\"name\":\"\",\"endpoint\":{\"url\":\"http://h\"},\"inputSchema\":{}} | /tools/0/name     | tools[0].name is required",
        "tools     | {\"name\":\"t\",\"endpoint\":{\"url\":\"ftp://h\"},\"inputSchema\":{}} | /tools/0/endpoint/url | tools[0].endpoint.url must be an http(s) URL",
        "tools     | {\"name\":\"t\",\"endpoint\":{\"url\":\"http://h\",\"method\":\"TRACE\"},\"inputSchema\":{}} | /tools/0/endpoint/method | tools[0].endpoint.method must be one of",
        "tools     | {\"name\":\"t\",\"endpoint\":{\"url\":\"http://h\"},\"inputSchema\":{},\"timeoutMs\":0} | /tools/0/timeoutMs | tools[0].timeoutMs must be a positive integer",
        "tools     | {\"name\":\"t\",\"endpoint\":{\"url\":\"http://h\"},\"inputSchema\":{},\"headers\":[{\"name\":\"A\",\"value\":\"v\",\"valueEnv\":\"E\"}]} | /tools/0/headers/0 | tools[0].headers[0] needs exactly one of value and valueEnv",
        "tools     | {\"name\":\"t\",\"endpoint\":{\"url\":\"http://h\"},\"inputSchema\":{},\"rateLimit\":{\"burst\":1}} | /tools/0/rateLimit | tools[0].rateLimit.requestsPerMinute is required",
        "tools     | 7                                                                      | /tools/0          | tools[0] must be an object",
        "prompts   | {\"name\":\"p\"}                                                       | /prompts/0        | prompts[0].template is required",
        "prompts   | {\"name\":\"p\",\"template\":\"x\",\"arguments\":[{\"name\":\"a\",\"required\":\"yes\"}]} | /prompts/0/arguments/0/required | prompts[0].arguments[0].required must be true or false",
        "resources | {\"name\":\"r\",\"operations\":[]}                                      | /resources/0/operations | resources[0].operations is empty",
        "resources | {\"name\":\"r\",\"uri\":\"docs://r\",\"text\":\"a\",\"blob\":\"Yg==\"}    | /resources/0      | resources[0] needs operations, or exactly one of text and blob",
        "resources | {\"name\":\"r\",\"operations\":[{\"uriTemplate\":\"r://{id}\",\"url\":\"http://h/{id}\",\"parameters\":[{\"name\":\"id\",\"in\":\"cookie\"}]}]} | /resources/0/operations/0/parameters/0/in | resources[0].operations[0].parameters[0].in must be path, query or header",
      })
  void anEntryTheSchemaRefusesIsSkippedNamingTheField(
      String list, String entry, String path, String message) {
    String json = "{\"upstream\":{\"transport\":\"none\"},\"" + list + "\":[" + entry + "]}";

    assertThat(violations(json)).anyMatch(v -> v.startsWith(path + ":"));

    AggregateConfig aggregate = AggregateConfig.of(ConfigLoader.parse(json));
    assertThat(aggregate.isEmpty()).isTrue();
    assertThat(aggregate.problems()).singleElement().asString().contains(message);
  }

  /** The schema's violations, each {@code <JSON pointer>: <message>}. */
  static List<String> violations(String json) {
    return CONTRACT.validate(MAPPER.readTree(json)).stream()
        .map(GatewayConfigContractTest::describe)
        .toList();
  }

  private static String describe(Error error) {
    return error.getInstanceLocation().toString().replaceFirst("^\\$", "")
        + ": "
        + error.getMessage();
  }

  private static Schema schema() {
    return SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaLoader(loader -> loader.fetchRemoteResources(false)))
        .getSchema(MAPPER.readTree(read(SCHEMA)));
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
