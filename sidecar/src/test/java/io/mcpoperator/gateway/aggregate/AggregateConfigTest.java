package io.mcpoperator.gateway.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcpoperator.gateway.config.ConfigLoader;
import io.mcpoperator.mcp.jsonrpc.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AggregateConfigTest {

  static AggregateConfig fixture() throws IOException {
    try (var in =
        AggregateConfigTest.class.getResourceAsStream(
            "/config/operator-generated-aggregated.json")) {
      return AggregateConfig.of(
          ConfigLoader.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
    }
  }

  @Test
  void readsTheOperatorsFixture() throws IOException {
    AggregateConfig config = fixture();

    assertThat(config.problems()).isEmpty();
    assertThat(config.defaultTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(config.tools())
        .extracting(ToolSpec::name)
        .containsExactly("get-weather", "translate");
    ToolSpec weather = config.tools().getFirst();
    assertThat(weather.method()).isEqualTo("GET");
    assertThat(weather.url()).isEqualTo("http://weather.team-a.svc.cluster.local:8080/forecast");
    assertThat(weather.argumentsInQuery()).isTrue();
    assertThat(weather.headers())
        .containsExactly(
            new ToolSpec.Header("X-Client", Optional.of("mcp-gateway"), Optional.empty()),
            new ToolSpec.Header(
                "Authorization",
                Optional.empty(),
                Optional.of("MCP_SECRET_WEATHER_API_TOKEN_679DFD")));
    assertThat(weather.timeout()).contains(Duration.ofSeconds(10));
    assertThat(weather.cacheTtl()).contains(Duration.ofSeconds(2));
    assertThat(weather.rateLimit()).contains(new ToolSpec.RateLimit(60, 10));
    assertThat(weather.outputSchema()).isPresent();
    ToolSpec translate = config.tools().get(1);
    assertThat(translate.method()).isEqualTo("POST");
    assertThat(translate.outputSchema()).isEmpty();
    assertThat(translate.timeout()).isEmpty();
    assertThat(translate.cacheTtl()).isEmpty();
    assertThat(translate.rateLimit()).isEmpty();

    PromptSpec summarize = config.prompts().getFirst();
    assertThat(summarize.arguments())
        .containsExactly(
            new PromptSpec.Argument("text", "The text to summarize", true, Optional.empty()),
            new PromptSpec.Argument("style", "", false, Optional.of("concise")));

    assertThat(config.resources()).hasSize(2);
    var customers = (ResourceSpec.Http) config.resources().getFirst();
    assertThat(customers.operations()).hasSize(2);
    assertThat(customers.operations().getFirst().parameters())
        .containsExactly(
            new ResourceSpec.Parameter("id", ResourceSpec.In.PATH, true, "id"),
            new ResourceSpec.Parameter("verbose", ResourceSpec.In.QUERY, false, "verbose"),
            new ResourceSpec.Parameter("X-Tenant", ResourceSpec.In.HEADER, true, "X_Tenant"));
    var runbook = (ResourceSpec.Inline) config.resources().get(1);
    assertThat(runbook.uri()).isEqualTo("docs://runbook");
    assertThat(runbook.mimeType()).isEqualTo("text/markdown");
    assertThat(runbook.text()).hasValueSatisfying(t -> assertThat(t).startsWith("# Runbook"));
  }

  static Stream<Arguments> malformedEntries() {
    String endpoint = "\"endpoint\":{\"url\":\"http://svc:80/\",\"method\":\"POST\"}";
    String schema = "\"inputSchema\":{\"type\":\"object\"}";
    return Stream.of(
        Arguments.of(
            "tools",
            "{\"description\":\"no name\"," + endpoint + "," + schema + "}",
            "tools[0].name is required"),
        Arguments.of("tools", "{\"name\":\"t\"," + schema + "}", "tools[0].endpoint is required"),
        Arguments.of(
            "tools",
            "{\"name\":\"t\",\"endpoint\":{\"url\":\"ftp://x\"}," + schema + "}",
            "tools[0].endpoint.url must be an http(s) URL"),
        Arguments.of(
            "tools",
            "{\"name\":\"t\",\"endpoint\":{\"url\":\"http://x\",\"method\":\"TRACE\"},"
                + schema
                + "}",
            "tools[0].endpoint.method must be one of"),
        Arguments.of(
            "tools", "{\"name\":\"t\"," + endpoint + "}", "tools[0].inputSchema is required"),
        Arguments.of(
            "tools",
            "{\"name\":\"t\"," + endpoint + "," + schema + ",\"timeoutMs\":-5}",
            "tools[0].timeoutMs must be a positive integer"),
        Arguments.of(
            "tools",
            "{\"name\":\"t\"," + endpoint + "," + schema + ",\"headers\":[{\"name\":\"A\"}]}",
            "tools[0].headers[0] needs exactly one of value and valueEnv"),
        Arguments.of(
            "tools",
            "{\"name\":\"t\"," + endpoint + "," + schema + ",\"rateLimit\":{\"burst\":3}}",
            "tools[0].rateLimit.requestsPerMinute is required"),
        Arguments.of("tools", "\"just a string\"", "tools[0] must be an object"),
        Arguments.of("prompts", "{\"name\":\"p\"}", "prompts[0].template is required"),
        Arguments.of(
            "prompts",
            "{\"name\":\"p\",\"template\":\"x\",\"arguments\":[{\"name\":\"a\",\"required\":\"yes\"}]}",
            "prompts[0].arguments[0].required must be true or false"),
        Arguments.of(
            "resources",
            "{\"name\":\"r\",\"uri\":\"docs://x\"}",
            "resources[0] needs operations, or exactly one of text and blob"),
        Arguments.of(
            "resources",
            "{\"name\":\"r\",\"uri\":\"docs://x\",\"text\":\"a\",\"blob\":\"YQ==\"}",
            "resources[0] needs operations, or exactly one of text and blob"),
        Arguments.of(
            "resources", "{\"name\":\"r\",\"operations\":[]}", "resources[0].operations is empty"),
        Arguments.of(
            "resources",
            "{\"name\":\"r\",\"operations\":[{\"uriTemplate\":\"resource://r/{a}\",\"url\":\"http://s/{a}\",\"parameters\":[{\"name\":\"a\",\"in\":\"cookie\"}]}]}",
            "resources[0].operations[0].parameters[0].in must be path, query or header, got cookie"));
  }

  @ParameterizedTest(name = "{2}")
  @MethodSource("malformedEntries")
  void skipsAMalformedEntryAndServesTheOthers(String list, String entry, String problem) {
    JsonArray bad = (JsonArray) Json.parse("[" + entry + "]");
    JsonArray empty = JsonValue.EMPTY_JSON_ARRAY;
    AggregateConfig config =
        AggregateConfig.parse(
            list.equals("tools") ? bad : empty,
            list.equals("prompts") ? bad : empty,
            list.equals("resources") ? bad : empty,
            Duration.ofSeconds(5));

    assertThat(config.isEmpty()).isTrue();
    assertThat(config.problems()).singleElement().asString().startsWith(problem);
  }

  @Test
  void keepsTheGoodEntriesNextToABadOne() {
    JsonArray tools =
        (JsonArray)
            Json.parse(
                """
                [{"name": "broken"},
                 {"name": "ok", "endpoint": {"url": "http://svc/"}, "inputSchema": {},
                  "unknownField": 1}]
                """);
    AggregateConfig config =
        AggregateConfig.parse(
            tools, JsonValue.EMPTY_JSON_ARRAY, JsonValue.EMPTY_JSON_ARRAY, Duration.ofSeconds(5));

    assertThat(config.tools()).extracting(ToolSpec::name).isEqualTo(List.of("ok"));
    assertThat(config.tools().getFirst().method()).isEqualTo("POST");
    assertThat(config.problems()).containsExactly("tools[0].endpoint is required");
  }
}
