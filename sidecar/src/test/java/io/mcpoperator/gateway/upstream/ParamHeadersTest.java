package io.mcpoperator.gateway.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcpoperator.mcp.jsonrpc.Json;
import jakarta.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ParamHeadersTest {

  private static JsonObject list(String schema) {
    return Json.parse(
            "{\"tools\":[{\"name\":\"t\",\"inputSchema\":" + schema + "},{\"name\":\"plain\"}]}")
        .asJsonObject();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "string        | {\"type\":\"object\",\"properties\":{\"r\":{\"type\":\"string\",\"x-mcp-header\":\"Region\"}}} | {\"r\":\"us-west1\"} | Mcp-Param-Region=us-west1",
        "integer       | {\"properties\":{\"n\":{\"type\":\"integer\",\"x-mcp-header\":\"N\"}}}                     | {\"n\":-7}           | Mcp-Param-N=-7",
        "boolean       | {\"properties\":{\"b\":{\"type\":\"boolean\",\"x-mcp-header\":\"B\"}}}                     | {\"b\":true}         | Mcp-Param-B=true",
        "nested        | {\"properties\":{\"a\":{\"type\":\"object\",\"properties\":{\"z\":{\"type\":\"string\",\"x-mcp-header\":\"Z\"}}}}} | {\"a\":{\"z\":\" x \"}} | Mcp-Param-Z==?base64?IHgg?=",
        "absent value  | {\"properties\":{\"r\":{\"type\":\"string\",\"x-mcp-header\":\"R\"}}}                      | {}                   | ",
        "null value    | {\"properties\":{\"r\":{\"type\":\"string\",\"x-mcp-header\":\"R\"}}}                      | {\"r\":null}         | ",
      })
  void mirrorsAnnotatedArguments(String label, String schema, String args, String expected) {
    var headers = new ParamHeaders();
    JsonObject kept = headers.learn(list(schema));
    assertThat(kept.getJsonArray("tools")).hasSize(2);
    Map<String, String> sent = new LinkedHashMap<>();
    headers.apply("t", Json.parse(args).asJsonObject(), sent::put);
    assertThat(sent.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).findFirst())
        .isEqualTo(java.util.Optional.ofNullable(expected));
    assertThat(headers.listed()).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "number type   | {\"properties\":{\"r\":{\"type\":\"number\",\"x-mcp-header\":\"R\"}}}",
        "not a token   | {\"properties\":{\"r\":{\"type\":\"string\",\"x-mcp-header\":\"R R\"}}}",
        "empty         | {\"properties\":{\"r\":{\"type\":\"string\",\"x-mcp-header\":\"\"}}}",
        "duplicate     | {\"properties\":{\"a\":{\"type\":\"string\",\"x-mcp-header\":\"X\"},\"b\":{\"type\":\"string\",\"x-mcp-header\":\"x\"}}}",
        "under items   | {\"properties\":{\"a\":{\"type\":\"array\",\"items\":{\"type\":\"object\",\"properties\":{\"z\":{\"type\":\"string\",\"x-mcp-header\":\"Z\"}}}}}}",
        "under anyOf   | {\"anyOf\":[{\"type\":\"string\",\"x-mcp-header\":\"Z\"}]}",
      })
  void leavesOutToolsWithInvalidAnnotations(String label, String schema) {
    JsonObject kept = new ParamHeaders().learn(list(schema));
    assertThat(kept.getJsonArray("tools").stream().map(t -> t.asJsonObject().getString("name")))
        .containsExactly("plain");
  }
}
