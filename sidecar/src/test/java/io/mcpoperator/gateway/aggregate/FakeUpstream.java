package io.mcpoperator.gateway.aggregate;

import io.mcpoperator.mcp.McpBackend;
import io.mcpoperator.mcp.McpClients;
import io.mcpoperator.mcp.McpException;
import io.mcpoperator.mcp.McpRequest;
import io.mcpoperator.mcp.ServerIdentity;
import io.mcpoperator.mcp.jsonrpc.Json;
import io.mcpoperator.mcp.jsonrpc.JsonRpcError;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An upstream MCP server with tools and resources (no prompts). Its tool list has two pages: {@code
 * up-a}, then the {@link #secondPage} names.
 */
final class FakeUpstream implements McpBackend {
  final List<String> methods = new CopyOnWriteArrayList<>();
  volatile List<String> secondPage = List.of("get-weather", "up-b");
  final List<String> ended = new CopyOnWriteArrayList<>();
  volatile boolean down;
  volatile McpClients clients;

  @Override
  public void onSessionEnd(String sessionId) {
    ended.add(sessionId);
  }

  @Override
  public ServerIdentity identity() throws McpException {
    if (down) {
      throw new McpException(
          JsonRpcError.SERVER_UNAVAILABLE, "Upstream MCP server is not ready yet");
    }
    return new ServerIdentity(
        Json.object().add("name", "upstream").add("version", "2").build(),
        Json.object()
            .add("tools", Json.object())
            .add("resources", Json.object().add("subscribe", true))
            .add("logging", Json.object())
            .build(),
        Optional.of("Upstream instructions"));
  }

  @Override
  public void bind(McpClients clients) {
    this.clients = clients;
  }

  @Override
  public JsonObject handle(McpRequest request) throws McpException {
    methods.add(
        request.method() + Json.string(request.params(), "cursor").map(c -> "@" + c).orElse(""));
    return switch (request.method()) {
      case "tools/list" ->
          Json.string(request.params(), "cursor").isPresent()
              ? Json.object().add("tools", tools(secondPage)).build()
              : Json.object().add("tools", tools(List.of("up-a"))).add("nextCursor", "p2").build();
      case "tools/call" -> text("upstream:" + Json.string(request.params(), "name").orElse(""));
      case "resources/list" ->
          Json.object()
              .add(
                  "resources",
                  Json.array().add(Json.object().add("uri", "up://r").add("name", "r")))
              .build();
      case "resources/templates/list" ->
          Json.object().add("resourceTemplates", JsonValue.EMPTY_JSON_ARRAY).build();
      case "resources/read", "resources/subscribe" ->
          text("upstream:" + request.params().getString("uri"));
      default -> throw new McpException(JsonRpcError.methodNotFound(request.method()));
    };
  }

  private static jakarta.json.JsonArray tools(List<String> names) {
    var out = Json.array();
    names.forEach(
        n ->
            out.add(
                Json.object()
                    .add("name", n)
                    .add("inputSchema", Json.object().add("type", "object"))));
    return out.build();
  }

  private static JsonObject text(String text) {
    return Json.object()
        .add("content", Json.array().add(Json.object().add("type", "text").add("text", text)))
        .build();
  }
}
