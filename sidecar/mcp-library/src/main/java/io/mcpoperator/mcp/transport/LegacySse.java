package io.mcpoperator.mcp.transport;

import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.mcpoperator.mcp.McpException;
import io.mcpoperator.mcp.McpProtocol;
import io.mcpoperator.mcp.jsonrpc.DecodedBody;
import io.mcpoperator.mcp.jsonrpc.Json;
import io.mcpoperator.mcp.jsonrpc.JsonRpcMessage.Failure;
import io.mcpoperator.mcp.jsonrpc.JsonRpcMessage.Request;
import io.mcpoperator.mcp.jsonrpc.JsonRpcMessage.Result;
import io.mcpoperator.mcp.session.SessionRecord;
import io.mcpoperator.mcp.session.SessionStore;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The legacy HTTP+SSE transport (2024-11-05): {@code GET <ssePath>} opens a session's stream and
 * announces the POST endpoint in an {@code endpoint} event; every response and server message
 * travels on that stream, POSTs are answered 202. The session lives as long as the stream. The rate
 * limit and {@code maxConcurrentRequests} apply to a POST's requests as on Streamable HTTP: beyond
 * them the POST is answered 429 with {@code Retry-After} and a JSON-RPC error body, and none of its
 * messages runs (the only answer HTTP+SSE has outside the stream).
 */
final class LegacySse {
  private final Dispatcher dispatcher;
  private final SessionStore store;
  private final SessionGate gate;
  private final SessionChannel channel;
  private final TransportSettings settings;
  private final String messagesPath;
  private final Consumer<SessionRecord> onStart;
  private final Drain drain;
  private final PostAdmission admission;

  LegacySse(
      Dispatcher dispatcher,
      SessionStore store,
      SessionGate gate,
      SessionChannel channel,
      TransportSettings settings,
      String messagesPath,
      Consumer<SessionRecord> onStart,
      Drain drain,
      PostAdmission admission) {
    this.drain = drain;
    this.admission = admission;
    this.dispatcher = dispatcher;
    this.store = store;
    this.gate = gate;
    this.channel = channel;
    this.settings = settings;
    this.messagesPath = messagesPath;
    this.onStart = onStart;
  }

  void stream(ServerRequest req, ServerResponse res) throws InterruptedException {
    if (!gate.originAllowed(req, res) || !gate.roomForSession(req, res)) {
      return;
    }
    var record =
        new SessionRecord(
            SessionIds.next(),
            McpProtocol.V2024_11_05,
            JsonObject.EMPTY_JSON_OBJECT,
            JsonObject.EMPTY_JSON_OBJECT,
            Optional.empty(),
            true,
            gate.owner(req));
    store.create(record);
    var connection = new StreamConnection(settings.limits().streamBuffer());
    // the answers to requests in flight travel on this stream: at shutdown it ends after them
    SessionRuntime runtime = dispatcher.runtime(record.id());
    drain.opened(connection, () -> runtime.inFlightCount() == 0);
    try (var subscription = store.subscribe(record.id(), StreamIds.STANDALONE, connection)) {
      SseWriter writer = SseWriter.open(res);
      try {
        writer.event(
            Optional.empty(), Optional.of("endpoint"), messagesPath + "?sessionId=" + record.id());
      } catch (IOException e) {
        writer.close();
        return;
      }
      connection.pump(writer, List.of(), settings.limits().keepAlive());
    } finally {
      drain.closed(connection);
      store.delete(record.id());
    }
  }

  void post(ServerRequest req, ServerResponse res) {
    Optional<DecodedBody> body = admission.body(req, res, false);
    if (body.isEmpty()) {
      return;
    }
    DecodedBody decoded = body.get();
    Optional<SessionRecord> session =
        gate.session(
            req,
            res,
            req.query().first("sessionId").asOptional().filter(s -> !s.isBlank()),
            "Bad Request: sessionId query parameter is required",
            JsonValue.NULL);
    if (session.isEmpty()) {
      return;
    }
    long requests =
        decoded.entries().stream().filter(e -> e instanceof DecodedBody.Valid(Request r)).count();
    // as on Streamable HTTP: initialize is answered at once, the other requests hold a permit
    // until their answer is on the stream; beyond the limit the POST gets 429 + Retry-After
    long running =
        decoded.entries().stream()
            .filter(
                e -> e instanceof DecodedBody.Valid(Request r) && !r.method().equals("initialize"))
            .count();
    Optional<Permits> admitted =
        admission.admit(req, res, Optional.of(session.get().id()), requests, running);
    if (admitted.isEmpty()) {
      return;
    }
    Permits permits = admitted.get();
    Outbox outbox = channel.standalone(session.get().id());
    Outbox counted = permits.releasingOnLast(outbox);
    RequestHeaders headers = RequestHeaders.of(req);
    // the permits of requests that never ran go back however dispatching ends
    int started = 0;
    boolean dispatched = false;
    try {
      for (var entry : decoded.entries()) {
        switch (entry) {
          case DecodedBody.Invalid(Failure failure) -> outbox.send(failure, true);
          case DecodedBody.Valid(Request r) when r.method().equals("initialize") ->
              outbox.send(initialize(session.get(), r), true);
          case DecodedBody.Valid(var message) -> {
            SessionRecord record = store.find(session.get().id()).orElse(session.get());
            boolean request = message instanceof Request;
            dispatcher.dispatch(
                message,
                record.client(),
                dispatcher.runtime(record.id()),
                request ? counted : outbox,
                headers);
            started += request ? 1 : 0;
          }
        }
      }
      dispatched = true;
    } finally {
      if (!dispatched) {
        permits.releaseUnstarted(started);
      }
    }
    res.status(Status.ACCEPTED_202);
    res.send("Accepted");
  }

  private io.mcpoperator.mcp.jsonrpc.JsonRpcMessage initialize(
      SessionRecord session, Request request) {
    String version =
        McpProtocol.negotiate(
            Json.string(request.params(), "protocolVersion").orElse(McpProtocol.V2024_11_05));
    try {
      JsonObject result = dispatcher.initializeResult(version);
      var updated =
          session.withHandshake(
              version,
              Json.object(request.params(), "clientInfo").orElse(JsonObject.EMPTY_JSON_OBJECT),
              Json.object(request.params(), "capabilities").orElse(JsonObject.EMPTY_JSON_OBJECT));
      store.update(updated);
      onStart.accept(updated);
      return new Result(request.id(), result);
    } catch (McpException e) {
      return new Failure(request.id(), e.error());
    }
  }
}
