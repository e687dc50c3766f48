package io.mcpoperator.gateway.proxy;

import io.mcpoperator.mcp.jsonrpc.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * Progress tokens are chosen by each client, so two sessions may use the same one: upstream the
 * gateway uses its own request id as the token and restores the client's on the way back.
 */
final class ProgressTokens {
  private ProgressTokens() {}

  /** {@code params} with {@code _meta.progressToken} set to {@code token}. */
  static JsonObject replace(JsonObject params, String token) {
    JsonObject meta = Json.object(params, "_meta").orElse(JsonValue.EMPTY_JSON_OBJECT);
    return Json.object(params).add("_meta", Json.object(meta).add("progressToken", token)).build();
  }

  /** Progress notification params with the client's token back in place. */
  static JsonObject restore(JsonObject params, JsonValue clientToken) {
    return Json.object(params).add("progressToken", clientToken).build();
  }
}
