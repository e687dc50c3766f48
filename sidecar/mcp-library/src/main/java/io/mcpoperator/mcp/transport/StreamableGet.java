package io.mcpoperator.mcp.transport;

import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.mcpoperator.mcp.McpProtocol;
import io.mcpoperator.mcp.jsonrpc.JsonRpcError;
import io.mcpoperator.mcp.session.SessionRecord;
import io.mcpoperator.mcp.session.SessionStore;
import io.mcpoperator.mcp.session.StoredEvent;
import java.util.List;
import java.util.Optional;

/**
 * GET on the Streamable HTTP endpoint: the session's standalone SSE stream, or, with {@code
 * Last-Event-ID}, the resumption of the stream that event belonged to. A new GET for the standalone
 * stream takes it over from an older connection (a client reconnecting before the server noticed
 * the old connection died must not be locked out).
 */
final class StreamableGet {
  private final SessionStore store;
  private final SessionGate gate;
  private final TransportSettings settings;
  private final Drain drain;

  StreamableGet(SessionStore store, SessionGate gate, TransportSettings settings, Drain drain) {
    this.store = store;
    this.gate = gate;
    this.settings = settings;
    this.drain = drain;
  }

  void handle(ServerRequest req, ServerResponse res) throws InterruptedException {
    if (!gate.originAllowed(req, res)) {
      return;
    }
    if (!McpHeaders.accepts(req, "text/event-stream")) {
      gate.reject(
          req,
          res,
          Status.NOT_ACCEPTABLE_406,
          JsonRpcError.INVALID_REQUEST,
          "Not Acceptable: Accept must list text/event-stream");
      return;
    }
    Optional<Optional<String>> version = gate.versionHeader(req, res);
    if (version.isEmpty()) {
      return;
    }
    if (version.get().map(McpProtocol::stateless).orElse(false)) {
      res.header(io.helidon.http.HeaderNames.ALLOW, "POST");
      gate.reject(
          req,
          res,
          Status.METHOD_NOT_ALLOWED_405,
          JsonRpcError.INVALID_REQUEST,
          "Method Not Allowed: protocol version " + version.get().get() + " has no GET stream");
      return;
    }
    Optional<SessionRecord> session = gate.session(req, res);
    if (session.isEmpty()) {
      return;
    }
    Optional<String> lastEventId = McpHeaders.value(req, McpHeaders.LAST_EVENT_ID);
    String streamId = lastEventId.flatMap(StoredEvent::streamOf).orElse(StreamIds.STANDALONE);
    follow(res, session.get(), streamId, lastEventId);
  }

  /** Streams {@code streamId} of the session to this response until it ends. */
  void follow(
      ServerResponse res, SessionRecord session, String streamId, Optional<String> lastEventId)
      throws InterruptedException {
    var connection = new StreamConnection(settings.limits().streamBuffer());
    // at shutdown the stream just ends: the session stays, the client resumes elsewhere
    drain.opened(connection, () -> true);
    try (var subscription = store.subscribe(session.id(), streamId, connection)) {
      List<StoredEvent> replay =
          lastEventId.map(id -> store.replay(session.id(), id)).orElse(List.of());
      SseWriter writer = SseWriter.open(res);
      try {
        if (lastEventId.isEmpty() && McpProtocol.primesStreams(session.protocolVersion())) {
          writer.prime(streamId + ".0");
        } else if (replay.isEmpty()) {
          // nothing to send yet: a comment puts the status and headers on the wire at once
          writer.keepAlive();
        }
      } catch (java.io.IOException e) {
        writer.close();
        return;
      }
      connection.pump(writer, replay, settings.limits().keepAlive());
    } finally {
      drain.closed(connection);
    }
  }
}
