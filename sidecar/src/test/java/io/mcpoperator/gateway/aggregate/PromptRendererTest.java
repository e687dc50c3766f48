package io.mcpoperator.gateway.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mcpoperator.mcp.McpException;
import io.mcpoperator.mcp.jsonrpc.Json;
import io.mcpoperator.mcp.jsonrpc.JsonRpcError;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PromptRendererTest {
  private static final PromptSpec SUMMARIZE =
      new PromptSpec(
          "summarize",
          "Summarizes a text",
          "Summarize in a {{ style }} style:\n\n{{text}}",
          List.of(
              new PromptSpec.Argument("text", "The text", true, Optional.empty()),
              new PromptSpec.Argument("style", "", false, Optional.of("concise"))));

  @ParameterizedTest(name = "{0} with {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          Hello {{name}}!                | {"name": "Ada"}              | Hello Ada!
          Hello {{ name }}!              | {"name": "Ada"}              | Hello Ada!
          Hello {{name}} and {{name}}    | {"name": "Ada"}              | Hello Ada and Ada
          {{a}}{{b}}                     | {"a": "1", "b": "2"}         | 12
          Count: {{n}}                   | {"n": 3}                     | Count: 3
          Cost: {{price}}                | {"price": "$5 \\\\o/"}        | Cost: $5 \\o/
          Nothing: [{{missing}}]         | {}                           | Nothing: []
          Not a placeholder: {{ 1x }}    | {}                           | Not a placeholder: {{ 1x }}
          Single braces {name}           | {"name": "Ada"}              | Single braces {name}
          """)
  void substitutesPlaceholders(String template, String arguments, String expected) {
    var prompt = new PromptSpec("p", "", template, List.of());
    assertThat(PromptRenderer.render(prompt, (JsonObject) Json.parse(arguments)))
        .isEqualTo(expected);
  }

  @Test
  void aMissingOptionalArgumentTakesItsDefault() throws McpException {
    JsonObject result =
        PromptRenderer.get(SUMMARIZE, (JsonObject) Json.parse("{\"text\": \"A B\"}"));

    assertThat(result.getString("description")).isEqualTo("Summarizes a text");
    JsonObject message = result.getJsonArray("messages").getJsonObject(0);
    assertThat(message.getString("role")).isEqualTo("user");
    assertThat(message.getJsonObject("content").getString("text"))
        .isEqualTo("Summarize in a concise style:\n\nA B");
  }

  @Test
  void aGivenOptionalArgumentWinsOverItsDefault() throws McpException {
    JsonObject result =
        PromptRenderer.get(
            SUMMARIZE, (JsonObject) Json.parse("{\"text\": \"x\", \"style\": \"formal\"}"));
    assertThat(
            result
                .getJsonArray("messages")
                .getJsonObject(0)
                .getJsonObject("content")
                .getString("text"))
        .startsWith("Summarize in a formal style");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      {}
      {"style": "formal"}
      {"text": null}
      """)
  void aMissingRequiredArgumentIsInvalidParamsNamingIt(String arguments) {
    assertThatThrownBy(() -> PromptRenderer.get(SUMMARIZE, (JsonObject) Json.parse(arguments)))
        .isInstanceOfSatisfying(
            McpException.class,
            e -> {
              assertThat(e.error().code()).isEqualTo(JsonRpcError.INVALID_PARAMS);
              assertThat(e.error().message()).contains("summarize").contains("'text'");
            });
  }

  @Test
  void listsArgumentsWithRequiredFlags() {
    JsonObject listing = PromptRenderer.listing(SUMMARIZE);
    assertThat(listing.getString("name")).isEqualTo("summarize");
    assertThat(listing.getJsonArray("arguments").getJsonObject(0).getBoolean("required")).isTrue();
    assertThat(listing.getJsonArray("arguments").getJsonObject(0).getString("description"))
        .isEqualTo("The text");
    assertThat(listing.getJsonArray("arguments").getJsonObject(1).containsKey("description"))
        .isFalse();
  }
}
