package io.mcpoperator.gateway.mcp.transport;

import io.helidon.http.HeaderName;
import io.helidon.http.Status;
import io.mcpoperator.gateway.mcp.McpProtocol;
import io.mcpoperator.gateway.mcp.jsonrpc.DecodedBody;
import io.mcpoperator.gateway.mcp.jsonrpc.Json;
import io.mcpoperator.gateway.mcp.jsonrpc.JsonRpcError;
import io.mcpoperator.gateway.mcp.jsonrpc.JsonRpcMessage;
import io.mcpoperator.gateway.mcp.jsonrpc.JsonRpcMessage.Request;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Optional;
import java.util.function.Function;

/**
 * The rules a 2026-07-28 (stateless) POST must follow before it is served: one message, no
 * responses, the {@code MCP-Protocol-Version}, {@code Mcp-Method} and {@code Mcp-Name} headers
 * present and equal to the body ({@code Mcp-Name} may use the {@code =?base64?...?=} form), the
 * required {@code _meta} fields present, a protocol version we serve.
 */
final class ModernRequests {
  static final HeaderName METHOD = ModernHeaders.METHOD;
  static final HeaderName NAME = ModernHeaders.NAME;

  private ModernRequests() {}

  /** Why a request is refused: HTTP status and the JSON-RPC error of the body. */
  record Rejection(Status status, JsonRpcError error) {
    static Rejection badRequest(int code, String message) {
      return new Rejection(Status.BAD_REQUEST_400, JsonRpcError.of(code, message));
    }
  }

  /**
   * Checks a stateless POST; {@code headers} reads one request header (empty when absent).
   *
   * @return the rejection, or empty when the request may be served
   */
  static Optional<Rejection> check(
      DecodedBody body, Function<HeaderName, Optional<String>> headers) {
    if (body.batch()) {
      return Optional.of(
          Rejection.badRequest(
              JsonRpcError.INVALID_REQUEST,
              "Invalid request: protocol version 2026-07-28 has no batches"));
    }
    if (!(body.entries().getFirst() instanceof DecodedBody.Valid(JsonRpcMessage message))) {
      return Optional.empty();
    }
    return switch (message) {
      case JsonRpcMessage.Response r ->
          Optional.of(
              Rejection.badRequest(
                  JsonRpcError.INVALID_REQUEST,
                  "Invalid request: clients send no responses in 2026-07-28"));
      case JsonRpcMessage.Notification n -> Optional.empty();
      case Request r -> request(r, headers);
    };
  }

  private static Optional<Rejection> request(
      Request request, Function<HeaderName, Optional<String>> headers) {
    Optional<String> header = headers.apply(McpHeaders.PROTOCOL_VERSION);
    JsonObject meta = Json.object(request.params(), "_meta").orElse(JsonValue.EMPTY_JSON_OBJECT);
    Optional<String> declared = Json.string(meta, McpProtocol.META_PROTOCOL_VERSION);
    if (header.isEmpty()) {
      return mismatch("the MCP-Protocol-Version header is required");
    }
    if (declared.isEmpty() || Json.object(meta, McpProtocol.META_CLIENT_CAPABILITIES).isEmpty()) {
      return Optional.of(
          Rejection.badRequest(
              JsonRpcError.INVALID_PARAMS,
              "Invalid params: _meta needs \""
                  + McpProtocol.META_PROTOCOL_VERSION
                  + "\" and \""
                  + McpProtocol.META_CLIENT_CAPABILITIES
                  + "\""));
    }
    if (!header.get().equals(declared.get())) {
      return mismatch(
          "MCP-Protocol-Version header '"
              + header.get()
              + "' does not match _meta '"
              + declared.get()
              + "'");
    }
    if (!McpProtocol.supported(declared.get())) {
      return Optional.of(new Rejection(Status.BAD_REQUEST_400, unsupported(declared.get())));
    }
    Optional<String> method = headers.apply(METHOD);
    if (method.isEmpty() || !method.get().equals(request.method())) {
      return mismatch(
          method
              .map(
                  m ->
                      "Mcp-Method header '"
                          + m
                          + "' does not match body '"
                          + request.method()
                          + "'")
              .orElse("the Mcp-Method header is required"));
    }
    Optional<String> name = bodyName(request);
    if (name.isPresent()) {
      Optional<String> sent = headers.apply(NAME).map(ModernRequests::decode);
      if (sent.isEmpty() || !sent.get().equals(name.get())) {
        return mismatch(
            sent.map(v -> "Mcp-Name header '" + v + "' does not match body '" + name.get() + "'")
                .orElse("the Mcp-Name header is required for " + request.method()));
      }
    }
    return Optional.empty();
  }

  /** A final result as 2026-07-28 writes it: with {@code resultType} ("complete" unless given). */
  static JsonRpcMessage complete(JsonRpcMessage message) {
    if (message instanceof JsonRpcMessage.Result(JsonValue id, JsonObject result)
        && !result.containsKey("resultType")) {
      return new JsonRpcMessage.Result(
          id, Json.object(result).add("resultType", "complete").build());
    }
    return message;
  }

  /** The HTTP status of a final response answered as plain JSON (2026-07-28 transport rules). */
  static Status status(JsonRpcMessage message) {
    if (message instanceof JsonRpcMessage.Failure(JsonValue id, JsonRpcError error)) {
      return switch (error.code()) {
        case JsonRpcError.METHOD_NOT_FOUND -> Status.NOT_FOUND_404;
        case JsonRpcError.HEADER_MISMATCH,
            JsonRpcError.MISSING_CLIENT_CAPABILITY,
            JsonRpcError.UNSUPPORTED_PROTOCOL_VERSION ->
            Status.BAD_REQUEST_400;
        default -> Status.OK_200;
      };
    }
    return Status.OK_200;
  }

  /** The error for a protocol version we do not serve, listing the ones we do. */
  static JsonRpcError unsupported(String requested) {
    var supported = Json.array();
    McpProtocol.ALL_VERSIONS.reversed().forEach(supported::add);
    return new JsonRpcError(
        JsonRpcError.UNSUPPORTED_PROTOCOL_VERSION,
        "Unsupported protocol version " + requested,
        Optional.of(Json.object().add("supported", supported).add("requested", requested).build()));
  }

  /** {@code params.name} or {@code params.uri}, for the methods whose Mcp-Name mirrors it. */
  static Optional<String> bodyName(Request request) {
    return ModernHeaders.bodyName(request);
  }

  /** A header value in the {@code =?base64?...?=} form decoded; any other value as is. */
  static String decode(String value) {
    return ModernHeaders.decode(value);
  }

  private static Optional<Rejection> mismatch(String detail) {
    return Optional.of(
        Rejection.badRequest(JsonRpcError.HEADER_MISMATCH, "Header mismatch: " + detail));
  }
}
