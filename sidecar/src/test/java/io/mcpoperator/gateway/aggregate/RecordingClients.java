package io.mcpoperator.gateway.aggregate;

import io.mcpoperator.mcp.McpClients;
import io.mcpoperator.mcp.jsonrpc.JsonRpcMessage;
import io.mcpoperator.mcp.session.ClientSession;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/** Records the notifications sent to all sessions. */
final class RecordingClients implements McpClients {
  final List<String> broadcast = new CopyOnWriteArrayList<>();

  @Override
  public boolean notify(String sessionId, String method, JsonObject params) {
    broadcast.add(sessionId + ":" + method);
    return true;
  }

  @Override
  public int notifyAll(String method, JsonObject params, Predicate<ClientSession> filter) {
    broadcast.add(method);
    return 1;
  }

  @Override
  public CompletableFuture<JsonRpcMessage.Response> request(
      String sessionId, String method, JsonObject params) {
    return CompletableFuture.failedFuture(new UnsupportedOperationException());
  }
}
