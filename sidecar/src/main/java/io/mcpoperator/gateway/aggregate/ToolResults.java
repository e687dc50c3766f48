package io.mcpoperator.gateway.aggregate;

import io.mcpoperator.mcp.jsonrpc.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Optional;

/**
 * Turns a backend's answer into a {@code tools/call} result. A 2xx answer becomes text content
 * (and, for a tool with an {@code outputSchema}, {@code structuredContent} that must match it);
 * everything else becomes an {@code isError} result that says what happened — never a JSON-RPC
 * error, so the model can read it and react.
 */
public final class ToolResults {
  static final int MAX_ERROR_BODY = 500;

  private ToolResults() {}

  public static JsonObject of(String tool, HttpOutcome outcome, Optional<ArgumentSchema> output) {
    return switch (outcome) {
      case HttpOutcome.Failed f when f.timedOut() ->
          error("Tool " + tool + " timed out: its backend gave " + f.reason());
      case HttpOutcome.Failed f ->
          error("Tool " + tool + " could not reach its backend: " + f.reason());
      case HttpOutcome.Answered a when !a.ok() ->
          error(
              "Tool "
                  + tool
                  + " failed: the backend answered HTTP "
                  + a.status()
                  + (a.body().length == 0 ? "" : ": " + a.trimmedText(MAX_ERROR_BODY)));
      case HttpOutcome.Answered a -> success(tool, a, output);
    };
  }

  private static JsonObject success(
      String tool, HttpOutcome.Answered answer, Optional<ArgumentSchema> output) {
    String text = answer.text();
    if (output.isEmpty()) {
      return text(text, false);
    }
    Optional<JsonValue> parsed = parse(text);
    if (answer.truncated() || parsed.isEmpty() || !(parsed.get() instanceof JsonObject object)) {
      return error(
          "Tool "
              + tool
              + " returned "
              + (answer.truncated() ? "too large a body" : "no JSON object")
              + " although it declares an outputSchema: "
              + answer.trimmedText(MAX_ERROR_BODY));
    }
    Optional<String> problems = output.get().problems(object);
    if (problems.isPresent()) {
      return error(
          "Tool "
              + tool
              + " returned a result that does not match its outputSchema: "
              + problems.get());
    }
    return Json.object(text(text, false)).add("structuredContent", object).build();
  }

  private static Optional<JsonValue> parse(String text) {
    try {
      return Optional.of(Json.parse(text));
    } catch (JsonException e) {
      return Optional.empty();
    }
  }

  /** An {@code isError} tool result with one text item. */
  public static JsonObject error(String message) {
    return text(message, true);
  }

  static JsonObject text(String text, boolean isError) {
    var result =
        Json.object()
            .add("content", Json.array().add(Json.object().add("type", "text").add("text", text)));
    if (isError) {
      result.add("isError", true);
    }
    return result.build();
  }
}
