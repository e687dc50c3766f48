package io.mcpoperator.mcp.transport;

import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.mcpoperator.mcp.jsonrpc.JsonRpcMessage;
import java.util.List;
import java.util.Optional;

/**
 * What an authorization layer in front of the endpoint tells the transport: who a request's caller
 * is (sessions are bound to it) and whether a POST's decoded requests may run. The HTTP layer
 * authenticates first (e.g. a filter checking a bearer token); this guard only sees requests it let
 * through.
 */
public interface RequestGuard {

  /** Every caller anonymous, every request admitted. */
  RequestGuard NONE = new RequestGuard() {};

  /**
   * The caller a session created by this request belongs to, and that a request naming a session
   * must be: another caller's session id is answered as unknown (404). Empty: anonymous.
   */
  default Optional<String> owner(ServerRequest req) {
    return Optional.empty();
  }

  /**
   * Asked with a POST's well-formed requests (after decoding, before anything runs); returns false
   * when it refused them and wrote the answer itself (e.g. 403 {@code insufficient_scope}).
   */
  default boolean admit(
      ServerRequest req, ServerResponse res, List<JsonRpcMessage.Request> requests) {
    return true;
  }
}
