package io.mcpoperator.mcp.transport;

import io.mcpoperator.mcp.McpClients;
import io.mcpoperator.mcp.OncePerSession;
import io.mcpoperator.mcp.jsonrpc.JsonRpcCodec;
import io.mcpoperator.mcp.jsonrpc.JsonRpcMessage;
import io.mcpoperator.mcp.jsonrpc.JsonRpcMessage.Notification;
import io.mcpoperator.mcp.session.ClientSession;
import io.mcpoperator.mcp.session.SessionRecord;
import io.mcpoperator.mcp.session.SessionStore;
import io.mcpoperator.mcp.session.SessionStoreUnavailableException;
import jakarta.json.JsonObject;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link McpClients} over the session store: messages are appended to each session's standalone
 * stream, where its open GET (or legacy SSE) connection picks them up, on whichever replica holds
 * it, or a later resume does. Fan-out reaches every live session of the store, whichever replica
 * initialized it; an {@link OncePerSession} filter sends a change every replica announces once per
 * session.
 */
final class SessionChannel implements McpClients {
  // a change is told once per replica: replicas reload at different times (each pod's ConfigMap is
  // updated on its own), and a session told by the first may list from one that has not reloaded
  // yet; the next replica's notice makes it list again
  private final String replica = java.util.UUID.randomUUID().toString();
  private static final Logger LOG = LoggerFactory.getLogger(SessionChannel.class);
  private final SessionStore store;
  private final Dispatcher dispatcher;
  private final ListenStreams listens;

  SessionChannel(SessionStore store, Dispatcher dispatcher, ListenStreams listens) {
    this.store = store;
    this.dispatcher = dispatcher;
    this.listens = listens;
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

  /**
   * {@inheritDoc} Costs a look at the store's registry (a round trip with Redis) and one append per
   * session; a store outage is logged and ends the fan-out (the count says how far it got).
   */
  @Override
  public int notifyAll(String method, JsonObject params, Predicate<ClientSession> filter) {
    listens.deliver(method, params);
    String data = JsonRpcCodec.encode(new Notification(method, params));
    int sent = 0;
    try {
      List<String> chosen =
          store.live().stream()
              .filter(r -> filter.test(r.client()))
              .map(SessionRecord::id)
              .toList();
      Collection<String> targets =
          filter instanceof OncePerSession once && !chosen.isEmpty()
              ? store.firstNotice(replica + "/" + once.topic(), once.version(), chosen)
              : chosen;
      for (String id : targets) {
        store.append(id, StreamIds.STANDALONE, data, false);
        sent++;
      }
    } catch (SessionStoreUnavailableException e) {
      LOG.warn(
          "{} reached {} sessions, then the session store failed: {}",
          method,
          sent,
          e.getMessage());
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
