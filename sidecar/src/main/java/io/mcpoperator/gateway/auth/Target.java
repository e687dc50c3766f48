package io.mcpoperator.gateway.auth;

import io.mcpoperator.gateway.auth.AccessRules.Kind;
import io.mcpoperator.mcp.jsonrpc.Json;
import jakarta.json.JsonObject;
import java.util.Optional;

/**
 * The tool, prompt or resource a request uses, read from its JSON-RPC body (never from the {@code
 * Mcp-Name} header, which an intermediary cannot trust for older revisions).
 */
record Target(Kind kind, String name) {

  static Optional<Target> of(String method, JsonObject params) {
    return switch (method) {
      case "tools/call" ->
          Optional.of(new Target(Kind.TOOL, Json.string(params, "name").orElse("")));
      case "prompts/get" ->
          Optional.of(new Target(Kind.PROMPT, Json.string(params, "name").orElse("")));
      case "resources/read", "resources/subscribe", "resources/unsubscribe" ->
          Optional.of(new Target(Kind.RESOURCE, Json.string(params, "uri").orElse("")));
      default -> Optional.empty();
    };
  }
}
