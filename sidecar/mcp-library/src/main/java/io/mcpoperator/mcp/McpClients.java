package io.mcpoperator.mcp;

import io.mcpoperator.mcp.jsonrpc.JsonRpcMessage;
import io.mcpoperator.mcp.session.ClientSession;
import jakarta.json.JsonObject;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

/**
 * Server-initiated traffic to connected clients, outside any client request. Messages go on the
 * session's standalone stream (GET, or the legacy SSE stream), are recorded for {@code
 * Last-Event-ID} resumption, and are dropped for stateless clients, which have no stream.
 */
public interface McpClients {

  /** Sends a notification to one session; false when the session does not exist. */
  boolean notify(String sessionId, String method, JsonObject params);

  /** Sends a notification to every session accepted by {@code filter}; returns how many. */
  int notifyAll(String method, JsonObject params, Predicate<ClientSession> filter);

  /** Sends a request to one session and completes with its response (or exceptionally). */
  CompletableFuture<JsonRpcMessage.Response> request(
      String sessionId, String method, JsonObject params);
}
