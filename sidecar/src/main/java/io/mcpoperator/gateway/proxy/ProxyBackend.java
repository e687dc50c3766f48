package io.mcpoperator.gateway.proxy;

import io.mcpoperator.gateway.mcp.ClientSession;
import io.mcpoperator.gateway.mcp.McpBackend;
import io.mcpoperator.gateway.mcp.McpClients;
import io.mcpoperator.gateway.mcp.McpException;
import io.mcpoperator.gateway.mcp.McpRequest;
import io.mcpoperator.gateway.mcp.ServerIdentity;
import io.mcpoperator.gateway.mcp.jsonrpc.Json;
import io.mcpoperator.gateway.mcp.jsonrpc.JsonRpcError;
import io.mcpoperator.gateway.mcp.jsonrpc.JsonRpcMessage;
import io.mcpoperator.gateway.mcp.jsonrpc.JsonRpcMessage.Failure;
import io.mcpoperator.gateway.mcp.jsonrpc.JsonRpcMessage.Result;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;

/** The gateway as an MCP server: every client request is served by the shared upstream. */
public final class ProxyBackend implements McpBackend {
  private static final Duration STARTUP_WAIT = Duration.ofSeconds(10);
  private final UpstreamSession upstream;

  public ProxyBackend(UpstreamSession upstream) {
    this.upstream = upstream;
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
    Route route;
    try {
      route = upstream.forward(request);
    } catch (IOException e) {
      throw new McpException(
          JsonRpcError.SERVER_UNAVAILABLE, "Upstream MCP server unavailable: " + e.getMessage());
    }
    request.onCancel(() -> upstream.cancel(route, "cancelled by the client or timed out"));
    try {
      JsonRpcMessage.Response response = route.response().get();
      return switch (response) {
        case Result r -> r.result();
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
   * Keeps the per-session resource subscriptions; false when the request must not reach the
   * upstream (an unsubscribe while other sessions still follow the resource).
   */
  private boolean trackSubscription(McpRequest request) {
    String uri = Json.string(request.params(), "uri").orElse("");
    String session = request.session().id().orElse("");
    return switch (request.method()) {
      case "resources/subscribe" -> {
        upstream.notifications().subscribe(uri, session);
        yield true;
      }
      case "resources/unsubscribe" -> upstream.notifications().unsubscribe(uri, session);
      default -> true;
    };
  }

  @Override
  public void onNotification(ClientSession session, JsonRpcMessage.Notification notification) {
    if (notification.method().equals("notifications/roots/list_changed")) {
      upstream.sendQuietly(notification);
    }
  }

  @Override
  public void onSessionEnd(String sessionId) {
    upstream.notifications().sessionEnded(sessionId);
  }

  private static McpException notReady() {
    return new McpException(
        JsonRpcError.SERVER_UNAVAILABLE, "Upstream MCP server is not ready yet");
  }
}
