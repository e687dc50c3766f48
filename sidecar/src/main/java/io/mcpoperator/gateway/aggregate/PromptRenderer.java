package io.mcpoperator.gateway.aggregate;

import io.mcpoperator.mcp.McpException;
import io.mcpoperator.mcp.jsonrpc.Json;
import io.mcpoperator.mcp.jsonrpc.JsonRpcError;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code prompts/list} entries and {@code prompts/get} results: {@code {{ name }}} placeholders
 * (the operator's rule) take the argument, else the declared default, else "".
 */
public final class PromptRenderer {
  /** The operator's placeholder rule (docs/aggregation.md). */
  static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}}");

  private PromptRenderer() {}

  public static JsonObject listing(PromptSpec prompt) {
    var arguments = Json.array();
    for (PromptSpec.Argument a : prompt.arguments()) {
      var argument = Json.object().add("name", a.name()).add("required", a.required());
      if (!a.description().isEmpty()) {
        argument.add("description", a.description());
      }
      arguments.add(argument);
    }
    return Json.object()
        .add("name", prompt.name())
        .add("description", prompt.description())
        .add("arguments", arguments)
        .build();
  }

  /**
   * The prompt's messages for {@code arguments}.
   *
   * @throws McpException -32602 naming a required argument that is missing
   */
  public static JsonObject get(PromptSpec prompt, JsonObject arguments) throws McpException {
    for (PromptSpec.Argument a : prompt.arguments()) {
      if (a.required() && value(arguments, a.name()).isEmpty()) {
        throw new McpException(
            JsonRpcError.invalidParams(
                "prompt " + prompt.name() + " needs the argument '" + a.name() + "'"));
      }
    }
    String text = render(prompt, arguments);
    var content = Json.object().add("type", "text").add("text", text);
    return Json.object()
        .add("description", prompt.description())
        .add(
            "messages", Json.array().add(Json.object().add("role", "user").add("content", content)))
        .build();
  }

  static String render(PromptSpec prompt, JsonObject arguments) {
    Matcher m = PLACEHOLDER.matcher(prompt.template());
    return m.replaceAll(
        match -> {
          String name = match.group(1);
          String value =
              value(arguments, name)
                  .or(
                      () ->
                          prompt.arguments().stream()
                              .filter(a -> a.name().equals(name))
                              .findFirst()
                              .flatMap(PromptSpec.Argument::defaultValue))
                  .orElse("");
          return Matcher.quoteReplacement(value);
        });
  }

  private static Optional<String> value(JsonObject arguments, String name) {
    JsonValue v = arguments.get(name);
    if (v == null || v == JsonValue.NULL) {
      return Optional.empty();
    }
    return Optional.of(v instanceof JsonString s ? s.getString() : Json.write(v));
  }
}
