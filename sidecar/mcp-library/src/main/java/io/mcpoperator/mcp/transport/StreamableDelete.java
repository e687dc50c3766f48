package io.mcpoperator.mcp.transport;

import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.mcpoperator.mcp.session.SessionStore;
import io.mcpoperator.mcp.session.SessionStoreUnavailableException;

/** DELETE on the Streamable HTTP endpoint: ends the session on every replica. */
final class StreamableDelete {
  private final SessionStore store;
  private final SessionGate gate;

  StreamableDelete(SessionStore store, SessionGate gate) {
    this.store = store;
    this.gate = gate;
  }

  void handle(ServerRequest req, ServerResponse res) {
    if (!gate.originAllowed(req, res) || gate.versionHeader(req, res).isEmpty()) {
      return;
    }
    var session = gate.session(req, res);
    if (session.isEmpty()) {
      return;
    }
    try {
      store.delete(session.get().id());
    } catch (SessionStoreUnavailableException e) {
      gate.unavailable(req, res, e);
      return;
    }
    res.status(Status.OK_200);
    res.send();
  }
}
