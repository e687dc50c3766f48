package io.mcpoperator.k8stools.service;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

/**
 * The JSON form of a {@link ToolResult}, shared by REST responses and MCP structured content:
 * {@code success}, {@code output}, {@code error}, {@code exit_code} always; {@code error_code} on
 * failure; {@code truncated}; {@code stderr} when a successful command printed warnings.
 */
public final class ToolResultJson {
  private ToolResultJson() {}

  public static JsonObject of(ToolResult result) {
    JsonObjectBuilder json =
        Json.createObjectBuilder().add("success", result.success()).add("output", result.output());
    result
        .error()
        .ifPresentOrElse(e -> json.add("error", e), () -> json.add("error", JsonValue.NULL));
    result
        .exitCode()
        .ifPresentOrElse(
            c -> json.add("exit_code", c), () -> json.add("exit_code", JsonValue.NULL));
    result.errorCode().ifPresent(c -> json.add("error_code", c.name()));
    json.add("truncated", result.truncated());
    result.stderr().ifPresent(s -> json.add("stderr", s));
    return json.build();
  }
}
