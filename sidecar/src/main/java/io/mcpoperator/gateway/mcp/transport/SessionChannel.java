package io.mcpoperator.gateway.mcp.transport;

import io.mcpoperator.gateway.mcp.ClientSession;
import io.mcpoperator.gateway.mcp.McpClients;
import io.mcpoperator.gateway.mcp.jsonrpc.JsonRpcCodec;
import io.mcpoperator.gateway.mcp.jsonrpc.JsonRpcMessage;
import io.mcpoperator.gateway.mcp.jsonrpc.JsonRpcMessage.Notification;
import io.mcpoperator.gateway.mcp.session.SessionRecord;
import io.mcpoperator.gateway.mcp.session.SessionStore;
import jakarta.json.JsonObject;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * {@link McpClients} over the session store: messages are appended to each session's standalone
 * stream, where its open GET (or legacy SSE) connection picks them up, or a later resume does. Only
 * sessions that initialized through this replica are known for fan-out.
 */
final class SessionChannel implements McpClients {
  private final SessionStore store;
  private final Dispatcher dispatcher;
  private final Map<String, Boolean> known = new ConcurrentHashMap<>();

  SessionChannel(SessionStore store, Dispatcher dispatcher) {
    this.store = store;
    this.dispatcher = dispatcher;
    store.onSessionEnd(known::remove);
  }

  void started(String sessionId) {
    known.put(sessionId, Boolean.TRUE);
  }

  /** The outbox of a session's standalone stream. */
  Outbox standalone(String sessionId) {
    return (message, last) ->
        store.append(sessionId, StreamIds.STANDALONE, JsonRpcCodec.encode(message), false);
  }

  @Override
  public boolean notify(String sessionId, String method, JsonObject params) {
    Optional<SessionRecord> session = store.find(sessionId);
    session.ifPresent(s -> standalone(sessionId).send(new Notification(method, params), false));
    return session.isPresent();
  }

  @Override
  public int notifyAll(String method, JsonObject params, Predicate<ClientSession> filter) {
    int sent = 0;
    for (String id : known.keySet()) {
      Optional<SessionRecord> session = store.find(id);
      if (session.isPresent() && filter.test(session.get().client())) {
        standalone(id).send(new Notification(method, params), false);
        sent++;
      }
    }
    return sent;
  }

  @Override
  public CompletableFuture<JsonRpcMessage.Response> request(
      String sessionId, String method, JsonObject params) {
    if (store.find(sessionId).isEmpty()) {
      return CompletableFuture.failedFuture(
          new IllegalArgumentException("no session " + sessionId));
    }
    var outbound = dispatcher.runtime(sessionId).outbound(method, params);
    standalone(sessionId).send(outbound.request(), false);
    return outbound.future();
  }
}
