package io.mcpoperator.mcp.transport;

import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.mcpoperator.mcp.McpProtocol;
import io.mcpoperator.mcp.jsonrpc.JsonRpcError;
import io.mcpoperator.mcp.session.SessionRecord;
import io.mcpoperator.mcp.session.SessionStore;
import io.mcpoperator.mcp.session.SessionStoreUnavailableException;
import jakarta.json.JsonValue;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The checks every request of an existing session passes: Origin, protocol version header, session
 * header, session lookup. On failure the response has been written.
 */
final class SessionGate {
  private static final Logger LOG = LoggerFactory.getLogger(SessionGate.class);

  static final int SESSION_NOT_FOUND = -32001;
  private final SessionStore store;
  private final TransportSettings settings;
  private final RequestObserver observer;
  private final RequestGuard guard;

  SessionGate(
      SessionStore store,
      TransportSettings settings,
      RequestObserver observer,
      RequestGuard guard) {
    this.store = store;
    this.settings = settings;
    this.observer = observer;
    this.guard = guard;
  }

  /** The caller a session this request creates belongs to. */
  Optional<String> owner(ServerRequest req) {
    return guard.owner(req);
  }

  /** The guard asked before a POST's requests run. */
  RequestGuard guard() {
    return guard;
  }

  /** 403 unless the Origin is allowed. */
  boolean originAllowed(ServerRequest req, ServerResponse res) {
    if (settings.origins().permits(McpHeaders.value(req, McpHeaders.ORIGIN))) {
      return true;
    }
    reject(
        req,
        res,
        Status.FORBIDDEN_403,
        JsonRpcError.INVALID_REQUEST,
        "Forbidden: Origin not allowed");
    return false;
  }

  /** The MCP-Protocol-Version header, or a 400 when it names a revision we do not speak. */
  Optional<Optional<String>> versionHeader(ServerRequest req, ServerResponse res) {
    return versionHeader(req, res, JsonValue.NULL);
  }

  /** As {@link #versionHeader(ServerRequest, ServerResponse)}, the error carrying {@code id}. */
  Optional<Optional<String>> versionHeader(
      ServerRequest req, ServerResponse res, JsonValue requestId) {
    Optional<String> version = McpHeaders.value(req, McpHeaders.PROTOCOL_VERSION);
    if (version.isPresent() && !McpProtocol.supported(version.get())) {
      reject(
          req, res, Status.BAD_REQUEST_400, requestId, ModernRequests.unsupported(version.get()));
      return Optional.empty();
    }
    return Optional.of(version);
  }

  /**
   * The session the request names: 400 without the header, 404 when unknown, ended or another
   * caller's.
   */
  Optional<SessionRecord> session(ServerRequest req, ServerResponse res) {
    return session(req, res, JsonValue.NULL);
  }

  /**
   * As {@link #session(ServerRequest, ServerResponse)}, the errors carrying {@code id} (the id of
   * the request when the body holds one); also 400 when an {@code MCP-Protocol-Version} header
   * names another revision than the one negotiated for the session.
   */
  Optional<SessionRecord> session(ServerRequest req, ServerResponse res, JsonValue requestId) {
    return session(
        req,
        res,
        McpHeaders.value(req, McpHeaders.SESSION_ID),
        "Bad Request: Mcp-Session-Id header is required",
        requestId);
  }

  /**
   * The session {@code id} names (the header of Streamable HTTP, the query parameter of legacy
   * HTTP+SSE): 400 with {@code missing} without one, 404 when unknown or ended, 503 when the store
   * cannot be reached; the errors carry {@code requestId}.
   */
  Optional<SessionRecord> session(
      ServerRequest req,
      ServerResponse res,
      Optional<String> id,
      String missing,
      JsonValue requestId) {
    if (id.isEmpty()) {
      reject(
          req,
          res,
          Status.BAD_REQUEST_400,
          requestId,
          JsonRpcError.of(JsonRpcError.INVALID_REQUEST, missing));
      return Optional.empty();
    }
    try {
      // another caller's session is answered as unknown: its id reveals nothing and the client
      // starts a session of its own (MCP: 404 means "initialize again")
      Optional<SessionRecord> record =
          store.find(id.get()).filter(r -> r.owner().equals(guard.owner(req)));
      if (record.isEmpty()) {
        reject(
            req,
            res,
            Status.NOT_FOUND_404,
            requestId,
            JsonRpcError.of(SESSION_NOT_FOUND, "Session not found"));
      }
      return record;
    } catch (SessionStoreUnavailableException e) {
      unavailable(req, res, e);
      return Optional.empty();
    }
  }

  /** 503: the session store cannot be reached. */
  void unavailable(ServerRequest req, ServerResponse res, SessionStoreUnavailableException e) {
    LOG.warn("session store unavailable: {}", e.getMessage());
    res.header(io.helidon.http.HeaderNames.RETRY_AFTER, "1");
    reject(
        req,
        res,
        Status.SERVICE_UNAVAILABLE_503,
        JsonRpcError.SERVER_UNAVAILABLE,
        "Session store unavailable (the gateway log has the cause)");
  }

  /** Seconds a client refused for the session cap is told to wait. */
  static final int SESSION_CAP_RETRY_SECONDS = 5;

  /**
   * True when this replica may hold one more session; otherwise answers 503 with {@code
   * Retry-After} (sessions end when idle, or the client may land on another replica).
   */
  boolean roomForSession(ServerRequest req, ServerResponse res) {
    int cap = settings.limits().maxSessions();
    if (store.size() < cap) {
      return true;
    }
    res.header(io.helidon.http.HeaderNames.RETRY_AFTER, String.valueOf(SESSION_CAP_RETRY_SECONDS));
    reject(
        req,
        res,
        Status.SERVICE_UNAVAILABLE_503,
        JsonRpcError.SERVER_UNAVAILABLE,
        "Too many sessions: this replica holds its limit of "
            + cap
            + " (limits.maxSessions); retry later");
    return false;
  }

  void reject(ServerRequest req, ServerResponse res, Status status, int code, String message) {
    reject(req, res, status, JsonRpcError.of(code, message));
  }

  void reject(ServerRequest req, ServerResponse res, Status status, JsonRpcError error) {
    reject(req, res, status, JsonValue.NULL, error);
  }

  /** An HTTP error whose JSON-RPC error carries the request's {@code id} (or null). */
  void reject(
      ServerRequest req, ServerResponse res, Status status, JsonValue id, JsonRpcError error) {
    observer.rejected(req.prologue().method().text(), status.code());
    HttpReplies.message(
        res, status, new io.mcpoperator.mcp.jsonrpc.JsonRpcMessage.Failure(id, error));
  }
}
