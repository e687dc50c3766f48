package io.mcpoperator.mcp.transport;

import io.mcpoperator.mcp.jsonrpc.Json;
import io.mcpoperator.mcp.jsonrpc.JsonRpcError;
import io.mcpoperator.mcp.jsonrpc.JsonRpcMessage;
import io.mcpoperator.mcp.jsonrpc.JsonRpcMessage.Response;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * This replica's live state of one session: its requests in flight (to cancel them) and the
 * requests it sent to the client (to route the client's responses).
 */
final class SessionRuntime {
  private static final AtomicLong OUTBOUND_IDS = new AtomicLong();
  private final Map<JsonValue, InFlight> inFlight = new ConcurrentHashMap<>();
  private final Map<String, CompletableFuture<Response>> outbound = new ConcurrentHashMap<>();

  /** A server-to-client request and the future its response completes. */
  record Outbound(JsonRpcMessage.Request request, CompletableFuture<Response> future) {}

  void started(InFlight request) {
    inFlight.put(request.id(), request);
  }

  /** The request's final response has been sent. */
  void finished(InFlight request) {
    inFlight.remove(request.id(), request);
  }

  Optional<InFlight> inFlight(JsonValue id) {
    return Optional.ofNullable(inFlight.get(id));
  }

  int inFlightCount() {
    return inFlight.size();
  }

  Outbound outbound(String method, JsonObject params) {
    String id = "mcpgw-" + OUTBOUND_IDS.incrementAndGet();
    var future = new CompletableFuture<Response>();
    outbound.put(id, future);
    future.whenComplete((r, e) -> outbound.remove(id));
    return new Outbound(new JsonRpcMessage.Request(Json.string(id), method, params), future);
  }

  /** Routes a client's response to the server-to-client request it answers; false if unknown. */
  boolean answer(Response response) {
    if (response.id() instanceof JsonString id) {
      var future = outbound.get(id.getString());
      if (future != null) {
        return future.complete(response);
      }
    }
    return false;
  }

  /** Ends everything in flight: the session is gone. */
  void end(String reason) {
    inFlight.values().forEach(r -> r.abort(JsonRpcError.of(JsonRpcError.INTERNAL_ERROR, reason)));
    outbound.values().forEach(f -> f.cancel(false));
  }
}
