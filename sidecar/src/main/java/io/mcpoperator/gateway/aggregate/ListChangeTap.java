package io.mcpoperator.gateway.aggregate;

import io.mcpoperator.mcp.McpClients;
import io.mcpoperator.mcp.jsonrpc.JsonRpcMessage;
import io.mcpoperator.mcp.session.ClientSession;
import jakarta.json.JsonObject;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Predicate;

/** The upstream's channel to the clients, watched for {@code list_changed} notifications. */
record ListChangeTap(McpClients delegate, Consumer<String> onNotification) implements McpClients {

  @Override
  public boolean notify(String sessionId, String method, JsonObject params) {
    onNotification.accept(method);
    return delegate.notify(sessionId, method, params);
  }

  @Override
  public int notifyAll(String method, JsonObject params, Predicate<ClientSession> filter) {
    onNotification.accept(method);
    return delegate.notifyAll(method, params, filter);
  }

  @Override
  public CompletableFuture<JsonRpcMessage.Response> request(
      String sessionId, String method, JsonObject params) {
    return delegate.request(sessionId, method, params);
  }
}
