package io.mcpoperator.gateway.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcpoperator.mcp.jsonrpc.Json;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ToolResultsTest {
  private static final Optional<ArgumentSchema> OUTPUT =
      Optional.of(
          ArgumentSchema.compile(
              (JsonObject)
                  Json.parse(
                      "{\"type\":\"object\",\"properties\":{\"temperatureC\":{\"type\":\"number\"}}}")));

  private static HttpOutcome.Answered answer(int status, String contentType, String body) {
    return new HttpOutcome.Answered(
        status, Optional.ofNullable(contentType), body.getBytes(StandardCharsets.UTF_8), false);
  }

  private static String text(JsonObject result) {
    return result.getJsonArray("content").getJsonObject(0).getString("text");
  }

  @Test
  void aJsonAnswerBecomesTextAndStructuredContent() {
    JsonObject result =
        ToolResults.of("w", answer(200, "application/json", "{\"temperatureC\": 21.5}"), OUTPUT);

    assertThat(result.containsKey("isError")).isFalse();
    assertThat(text(result)).isEqualTo("{\"temperatureC\": 21.5}");
    assertThat(
            result.getJsonObject("structuredContent").getJsonNumber("temperatureC").doubleValue())
        .isEqualTo(21.5);
  }

  @Test
  void withoutOutputSchemaTheAnswerIsTextOnly() {
    JsonObject result = ToolResults.of("w", answer(201, "text/plain", "Hallo"), Optional.empty());

    assertThat(text(result)).isEqualTo("Hallo");
    assertThat(result.containsKey("structuredContent")).isFalse();
    assertThat(result.containsKey("isError")).isFalse();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          500 with body       | 500 | Internal failure\\n  at line 3 | Tool w failed: the backend answered HTTP 500: Internal failure at line 3
          404 without body    | 404 |                              | Tool w failed: the backend answered HTTP 404
          wrong output type   | 200 | {"temperatureC": "warm"}     | Tool w returned a result that does not match its outputSchema: temperatureC: string found, number expected
          not JSON            | 200 | sunny                        | Tool w returned no JSON object although it declares an outputSchema: sunny
          JSON but no object  | 200 | [1, 2]                       | Tool w returned no JSON object although it declares an outputSchema: [1, 2]
          """)
  void failuresAreToolErrorsThatSayWhatHappened(
      String name, int status, String body, String message) {
    JsonObject result =
        ToolResults.of(
            "w",
            answer(status, "application/json", body == null ? "" : body.replace("\\n", "\n")),
            OUTPUT);

    assertThat(result.getBoolean("isError")).isTrue();
    assertThat(text(result)).isEqualTo(message.replace("\\n", "\n"));
  }

  @Test
  void aLongErrorBodyIsTrimmed() {
    JsonObject result =
        ToolResults.of("w", answer(502, "text/html", "x".repeat(5000)), Optional.empty());
    assertThat(text(result)).hasSizeLessThan(ToolResults.MAX_ERROR_BODY + 100).endsWith("…");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          true  | Tool w timed out: its backend gave no answer within 100 ms
          false | Tool w could not reach its backend: ConnectException: Connection refused
          """)
  void noAnswerIsAToolError(boolean timedOut, String message) {
    String reason = timedOut ? "no answer within 100 ms" : "ConnectException: Connection refused";
    JsonObject result =
        ToolResults.of("w", new HttpOutcome.Failed(reason, timedOut), Optional.empty());
    assertThat(result.getBoolean("isError")).isTrue();
    assertThat(text(result)).isEqualTo(message);
  }
}
