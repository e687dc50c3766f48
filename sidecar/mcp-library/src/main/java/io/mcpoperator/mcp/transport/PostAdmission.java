package io.mcpoperator.mcp.transport;

import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.mcpoperator.mcp.jsonrpc.DecodedBody;
import io.mcpoperator.mcp.jsonrpc.DecodedBody.Invalid;
import io.mcpoperator.mcp.jsonrpc.DecodedBody.Valid;
import io.mcpoperator.mcp.jsonrpc.JsonRpcCodec;
import io.mcpoperator.mcp.jsonrpc.JsonRpcError;
import io.mcpoperator.mcp.jsonrpc.JsonRpcMessage.Failure;
import io.mcpoperator.mcp.jsonrpc.JsonRpcMessage.Request;
import java.util.List;
import java.util.Optional;

/**
 * The one admission chain of a POST of JSON-RPC messages, on Streamable HTTP's {@code /mcp} and on
 * legacy HTTP+SSE's {@code /messages}: origin → media types → body → decode → guard ({@link
 * #body}), then, once the transport has found the caller's session, rate limit → permits ({@link
 * #admit}). Each step that refuses writes its answer (an HTTP status with a JSON-RPC error) and
 * returns empty.
 */
final class PostAdmission {
  private final SessionGate gate;
  private final Throttling throttling;
  private final Dispatcher dispatcher;
  private final TransportSettings settings;

  PostAdmission(
      SessionGate gate, Throttling throttling, Dispatcher dispatcher, TransportSettings settings) {
    this.gate = gate;
    this.throttling = throttling;
    this.dispatcher = dispatcher;
    this.settings = settings;
  }

  /**
   * Origin (403), {@code Content-Type: application/json} (415), with {@code acceptBoth} an {@code
   * Accept} listing JSON and SSE (406: Streamable HTTP answers either), the body within its size
   * and time limits (413), and decoding: a body that is not JSON, or one message that is not
   * JSON-RPC, is answered 400 with its JSON-RPC error (-32700, -32600); in a batch an invalid entry
   * is answered in the batch.
   */
  Optional<DecodedBody> body(ServerRequest req, ServerResponse res, boolean acceptBoth) {
    if (!gate.originAllowed(req, res)) {
      return Optional.empty();
    }
    if (!McpHeaders.contentTypeIs(req, "application/json")) {
      gate.reject(
          req,
          res,
          Status.UNSUPPORTED_MEDIA_TYPE_415,
          JsonRpcError.INVALID_REQUEST,
          "Unsupported Media Type: Content-Type must be application/json");
      return Optional.empty();
    }
    if (acceptBoth
        && (!McpHeaders.accepts(req, "application/json")
            || !McpHeaders.accepts(req, "text/event-stream"))) {
      gate.reject(
          req,
          res,
          Status.NOT_ACCEPTABLE_406,
          JsonRpcError.INVALID_REQUEST,
          "Not Acceptable: Accept must list application/json and text/event-stream");
      return Optional.empty();
    }
    Optional<byte[]> body = dispatcher.body(req);
    if (body.isEmpty()) {
      gate.reject(
          req,
          res,
          Status.REQUEST_ENTITY_TOO_LARGE_413,
          JsonRpcError.INVALID_REQUEST,
          "Payload Too Large: the limit is " + settings.limits().maxBodyBytes() + " bytes");
      return Optional.empty();
    }
    DecodedBody decoded = JsonRpcCodec.decode(body.get());
    if (!decoded.batch() && decoded.entries().getFirst() instanceof Invalid(Failure failure)) {
      gate.reject(
          req, res, Status.BAD_REQUEST_400, failure.error().code(), failure.error().message());
      return Optional.empty();
    }
    List<Request> requests =
        decoded.entries().stream()
            .map(e -> e instanceof Valid(Request r) ? r : null)
            .filter(java.util.Objects::nonNull)
            .toList();
    if (!requests.isEmpty() && !gate.guard().admit(req, res, requests)) {
      return Optional.empty();
    }
    return Optional.of(decoded);
  }

  /**
   * The rate limit for the caller's {@code requests} (429 with {@code Retry-After}), then one
   * concurrency permit for each of the {@code running} of them (429 when they are not all free).
   *
   * @param sessionId the caller's session; empty: the client is known by its address
   */
  Optional<Permits> admit(
      ServerRequest req,
      ServerResponse res,
      Optional<String> sessionId,
      long requests,
      long running) {
    if (!throttling.admit(req, res, sessionId, requests)) {
      return Optional.empty();
    }
    TransportSettings.Snapshot current = settings.current();
    if (!throttling.reserve(req, res, current, running)) {
      return Optional.empty();
    }
    return Optional.of(new Permits(current, (int) running));
  }
}
