package io.mcpoperator.mcp.jsonrpc;

import jakarta.json.JsonValue;
import java.util.Optional;

/** The {@code error} member of a JSON-RPC 2.0 error response. */
public record JsonRpcError(int code, String message, Optional<JsonValue> data) {
  public static final int PARSE_ERROR = -32700;
  public static final int INVALID_REQUEST = -32600;
  public static final int METHOD_NOT_FOUND = -32601;
  public static final int INVALID_PARAMS = -32602;
  public static final int INTERNAL_ERROR = -32603;

  /** MCP's code for a request that timed out or a connection that closed (SDK convention). */
  public static final int REQUEST_TIMEOUT = -32001;

  /**
   * Upstream or session store unavailable (implementation-defined server error range; not -32002,
   * which MCP uses for "resource not found").
   */
  public static final int SERVER_UNAVAILABLE = -32003;

  /** 2026-07-28: HTTP headers missing or not matching the body ({@code HeaderMismatch}). */
  public static final int HEADER_MISMATCH = -32020;

  /** 2026-07-28: the request needs a client capability it did not declare. */
  public static final int MISSING_CLIENT_CAPABILITY = -32021;

  /**
   * 2026-07-28: the requested protocol version is not served; {@code data.supported} lists ours.
   */
  public static final int UNSUPPORTED_PROTOCOL_VERSION = -32022;

  /** Cancelled by the client with {@code notifications/cancelled}. */
  public static final int REQUEST_CANCELLED = -32800;

  public JsonRpcError {
    message = message == null ? "" : message;
    data = data == null ? Optional.empty() : data;
  }

  public static JsonRpcError of(int code, String message) {
    return new JsonRpcError(code, message, Optional.empty());
  }

  public static JsonRpcError parseError(String detail) {
    return of(PARSE_ERROR, "Parse error: " + detail);
  }

  public static JsonRpcError invalidRequest(String detail) {
    return of(INVALID_REQUEST, "Invalid request: " + detail);
  }

  public static JsonRpcError methodNotFound(String method) {
    return of(METHOD_NOT_FOUND, "Method not found: " + method);
  }

  public static JsonRpcError invalidParams(String detail) {
    return of(INVALID_PARAMS, "Invalid params: " + detail);
  }

  public static JsonRpcError internal(String detail) {
    return of(INTERNAL_ERROR, "Internal error: " + detail);
  }
}
