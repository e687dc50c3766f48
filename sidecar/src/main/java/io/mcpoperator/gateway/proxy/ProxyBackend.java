package io.mcpoperator.gateway.proxy;

import io.mcpoperator.mcp.McpBackend;
import io.mcpoperator.mcp.McpClients;
import io.mcpoperator.mcp.McpException;
import io.mcpoperator.mcp.McpRequest;
import io.mcpoperator.mcp.ServerIdentity;
import io.mcpoperator.mcp.jsonrpc.Json;
import io.mcpoperator.mcp.jsonrpc.JsonRpcError;
import io.mcpoperator.mcp.jsonrpc.JsonRpcMessage;
import io.mcpoperator.mcp.jsonrpc.JsonRpcMessage.Failure;
import io.mcpoperator.mcp.jsonrpc.JsonRpcMessage.Result;
import io.mcpoperator.mcp.session.ClientSession;
import io.mcpoperator.mcp.session.SessionStoreUnavailableException;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The gateway as an MCP server: every client request is served by the shared upstream. */
public final class ProxyBackend implements McpBackend {
  private static final Logger LOG = LoggerFactory.getLogger(ProxyBackend.class);

  private static final Duration STARTUP_WAIT = Duration.ofSeconds(10);
  private final UpstreamSession upstream;
  private final ResponseWait wait;

  /**
   * @param maxSpin the longest a request thread spins for a fast answer (see {@link ResponseWait})
   */
  public ProxyBackend(UpstreamSession upstream, Duration maxSpin) {
    this.upstream = upstream;
    this.wait = ResponseWait.forThisMachine(maxSpin, upstream::inFlight);
  }

  @Override
  public void bind(McpClients clients) {
    upstream.start(clients);
  }

  @Override
  public ServerIdentity identity() throws McpException {
    awaitUpstream(STARTUP_WAIT);
    return upstream.identity().orElseThrow(ProxyBackend::notReady);
  }

  /** A request arriving while the upstream (re)starts waits for it, within the request timeout. */
  private void awaitUpstream(Duration max) throws McpException {
    try {
      if (!upstream.awaitReady(max)) {
        throw notReady();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new McpException(JsonRpcError.REQUEST_CANCELLED, "Request cancelled");
    }
  }

  @Override
  public JsonObject handle(McpRequest request) throws McpException {
    awaitUpstream(Duration.ofDays(1));
    if (!trackSubscription(request)) {
      return JsonObject.EMPTY_JSON_OBJECT;
    }
    long sent = System.nanoTime();
    Route route = upstream.open(request);
    // before sending: over HTTP the exchange runs on this thread until the answer is in
    request.onCancel(() -> upstream.cancel(route, "cancelled by the client or timed out"));
    try {
      upstream.send(route);
    } catch (IOException e) {
      LOG.warn("upstream unavailable for {}: {}", request.method(), e.getMessage());
      throw new McpException(
          JsonRpcError.SERVER_UNAVAILABLE,
          "Upstream MCP server unavailable (the gateway log has the cause)");
    }
    try {
      JsonRpcMessage.Response response = wait.await(route.response(), sent);
      return switch (response) {
        case Result r -> subscribed(request, r.result());
        case Failure f -> throw new McpException(f.error());
      };
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new McpException(JsonRpcError.REQUEST_CANCELLED, "Request cancelled");
    } catch (ExecutionException e) {
      throw new McpException(JsonRpcError.internal(String.valueOf(e.getCause())));
    }
  }

  /**
   * False when the request must not reach the upstream: an unsubscribe while other sessions (on any
   * replica) still follow the resource, or from a client without a session (it has none to end).
   */
  private boolean trackSubscription(McpRequest request) throws McpException {
    if (!request.method().equals("resources/unsubscribe")) {
      return true;
    }
    String uri = Json.string(request.params(), "uri").orElse("");
    try {
      return request
          .session()
          .id()
          .map(session -> upstream.subscriptions().clientUnsubscribing(uri, session))
          .orElse(false);
    } catch (SessionStoreUnavailableException e) {
      throw storeUnavailable(e);
    }
  }

  /**
   * Records a session's subscription once the upstream accepted it, for every replica: their
   * upstreams subscribe too, so a change any of them sees reaches the session.
   */
  private JsonObject subscribed(McpRequest request, JsonObject result) throws McpException {
    if (request.method().equals("resources/subscribe")) {
      Optional<String> uri = Json.string(request.params(), "uri");
      Optional<String> session = request.session().id();
      if (uri.isPresent() && session.isPresent()) {
        try {
          upstream.subscriptions().clientSubscribed(uri.get(), session.get());
        } catch (SessionStoreUnavailableException e) {
          throw storeUnavailable(e);
        }
      }
    }
    return result;
  }

  @Override
  public void onNotification(ClientSession session, JsonRpcMessage.Notification notification) {
    if (notification.method().equals("notifications/roots/list_changed")) {
      upstream.sendQuietly(notification);
    }
  }

  @Override
  public void onSessionEnd(String sessionId) {
    upstream.subscriptions().sessionEnded(sessionId);
  }

  private static McpException storeUnavailable(SessionStoreUnavailableException e) {
    LOG.warn("session store unavailable, subscription not changed: {}", e.getMessage());
    return new McpException(
        JsonRpcError.SERVER_UNAVAILABLE,
        "Session store unavailable, subscription not changed (the gateway log has the cause)");
  }

  private static McpException notReady() {
    return new McpException(
        JsonRpcError.SERVER_UNAVAILABLE, "Upstream MCP server is not ready yet");
  }
}
