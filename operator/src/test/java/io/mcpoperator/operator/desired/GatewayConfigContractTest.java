package io.mcpoperator.operator.desired;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.mcpoperator.operator.render.RenderCommand;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The operator's side of the operator → gateway contract: every gateway configuration it renders
 * (the golden files, every shipped example, the fixtures shared with the gateway's tests) is valid
 * against {@code contracts/gateway-config.schema.json}, the schema the gateway's tests check its
 * loader against.
 */
class GatewayConfigContractTest {
  static final Path SCHEMA = Path.of("../contracts/gateway-config.schema.json");
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonSchema CONTRACT = schema();

  /** A rendered gateway configuration and where it came from. */
  record Rendered(String origin, String json) {
    @Override
    public String toString() {
      return origin;
    }
  }

  static Stream<Rendered> rendered() throws IOException {
    List<Rendered> all = new ArrayList<>();
    try (Stream<Path> golden = Files.list(Golden.DIR)) {
      golden
          .filter(p -> p.toString().endsWith(".yaml"))
          .sorted()
          .forEach(p -> all.addAll(configMaps("golden/" + p.getFileName(), read(p))));
    }
    try (Stream<Path> examples = Files.list(Path.of("../examples"))) {
      examples
          .filter(p -> p.toString().endsWith(".yaml") || Files.isDirectory(p))
          .sorted()
          .forEach(p -> all.addAll(configMaps("examples/" + p.getFileName(), render(p))));
    }
    for (Path fixture :
        List.of(GatewayConfigTest.CONTRACT_FIXTURE, AggregatedGoldenTest.AGGREGATED_FIXTURE)) {
      all.add(new Rendered(fixture.getFileName().toString(), read(fixture)));
    }
    return all.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rendered")
  void everyRenderedConfigurationFollowsTheContract(Rendered config) throws IOException {
    assertThat(violations(MAPPER.readTree(config.json()))).isEmpty();
  }

  @Test
  void examplesAndGoldenFilesAllCarryAGatewayConfiguration() throws IOException {
    var origins = rendered().map(Rendered::origin).distinct().toList();
    assertThat(origins)
        .contains(
            "golden/aggregated.yaml",
            "golden/sse.yaml",
            "examples/aggregated",
            "examples/http-server.yaml",
            "operator-generated.json")
        .hasSizeGreaterThanOrEqualTo(14);
  }

  @Test
  void theSchemaRefusesWhatTheGatewayRefuses() throws IOException {
    ObjectNode config = (ObjectNode) MAPPER.readTree(read(GatewayConfigTest.CONTRACT_FIXTURE));
    ((ObjectNode) config.get("upstream")).put("transport", "grpc");
    ((ObjectNode) config.get("limits")).put("maxBodyBytes", 0);
    ((ObjectNode) config.get("redis")).remove("host");

    assertThat(String.join("\n", violations(config)))
        .contains("/upstream/transport: does not have a value in the enumeration")
        .contains("/limits/maxBodyBytes: must have a minimum value of 1")
        .contains("/redis: required property 'host' not found");
  }

  static List<String> violations(JsonNode config) {
    return CONTRACT.validate(config).stream().map(ValidationMessage::getMessage).toList();
  }

  private static JsonSchema schema() {
    var config = SchemaValidatorsConfig.builder().locale(Locale.ENGLISH).build();
    try {
      return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
          .getSchema(MAPPER.readTree(read(SCHEMA)), config);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String render(Path fileOrDir) {
    var out = new ByteArrayOutputStream();
    var err = new ByteArrayOutputStream();
    int exit =
        RenderCommand.run(
            List.of("-f", fileOrDir.toString()),
            InputStream.nullInputStream(),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(exit).as("render %s: %s", fileOrDir, err).isZero();
    return out.toString(StandardCharsets.UTF_8);
  }

  private static List<Rendered> configMaps(String origin, String yaml) {
    List<Rendered> found = new ArrayList<>();
    for (Object doc : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(yaml)) {
      if (doc instanceof Map<?, ?> object
          && "ConfigMap".equals(object.get("kind"))
          && object.get("data") instanceof Map<?, ?> data
          && data.get(GatewayConfig.KEY) instanceof String json) {
        found.add(new Rendered(origin, json));
      }
    }
    return found;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
