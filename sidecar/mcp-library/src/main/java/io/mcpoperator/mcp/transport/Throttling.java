package io.mcpoperator.mcp.transport;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.mcpoperator.mcp.jsonrpc.Json;
import io.mcpoperator.mcp.jsonrpc.JsonRpcError;
import io.mcpoperator.mcp.transport.RequestThrottle.Refusal;
import java.net.InetSocketAddress;
import java.util.Optional;

/**
 * Puts each POST's requests to the {@link RequestThrottle} and to the concurrency limit ({@code
 * maxConcurrentRequests}); answers 429 with {@code Retry-After} when either refuses.
 */
final class Throttling {
  private final RequestThrottle throttle;
  private final SessionGate gate;

  Throttling(RequestThrottle throttle, SessionGate gate) {
    this.throttle = throttle;
    this.gate = gate;
  }

  /**
   * True when all {@code requests} of the client are admitted; else the 429 has been written.
   *
   * @param sessionId the client's session; empty: the client is known by its address
   */
  boolean admit(ServerRequest req, ServerResponse res, Optional<String> sessionId, long requests) {
    String client = sessionId.map(id -> "session:" + id).orElseGet(() -> "address:" + address(req));
    for (long i = 0; i < requests; i++) {
      Optional<Refusal> refusal = throttle.admit(client);
      if (refusal.isPresent()) {
        reject(req, res, refusal.get(), sessionId.isPresent() ? "session" : "address");
        return false;
      }
    }
    return true;
  }

  /**
   * Takes one permit of the concurrency limit in {@code settings} per request, all or none; the
   * caller releases each when that request's final response is sent. Else the 429 has been written.
   */
  boolean reserve(
      ServerRequest req, ServerResponse res, TransportSettings.Snapshot settings, long requests) {
    if (requests == 0 || settings.permits().tryAcquire((int) requests)) {
      return true;
    }
    res.header(HeaderNames.RETRY_AFTER, "1");
    gate.reject(
        req,
        res,
        Status.TOO_MANY_REQUESTS_429,
        JsonRpcError.SERVER_UNAVAILABLE,
        "Too Many Requests: more than "
            + settings.limits().maxConcurrentRequests()
            + " requests in flight");
    return false;
  }

  private void reject(ServerRequest req, ServerResponse res, Refusal refusal, String per) {
    long seconds = Math.max(1, (refusal.retryAfter().toMillis() + 999) / 1000);
    res.header(HeaderNames.RETRY_AFTER, String.valueOf(seconds));
    gate.reject(
        req,
        res,
        Status.TOO_MANY_REQUESTS_429,
        new JsonRpcError(
            JsonRpcError.SERVER_UNAVAILABLE,
            "Too Many Requests: rate limit exceeded for this client "
                + per
                + " ("
                + refusal.limit()
                + "); retry after "
                + seconds
                + " s",
            Optional.of(
                Json.object()
                    .add("limit", refusal.limit())
                    .add("retryAfterSeconds", seconds)
                    .build())));
  }

  private static String address(ServerRequest req) {
    return req.remotePeer().address() instanceof InetSocketAddress a && a.getAddress() != null
        ? a.getAddress().getHostAddress()
        : req.remotePeer().host();
  }
}
