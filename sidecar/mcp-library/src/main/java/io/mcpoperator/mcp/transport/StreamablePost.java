package io.mcpoperator.mcp.transport;

import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.mcpoperator.mcp.McpException;
import io.mcpoperator.mcp.McpProtocol;
import io.mcpoperator.mcp.jsonrpc.DecodedBody;
import io.mcpoperator.mcp.jsonrpc.DecodedBody.Invalid;
import io.mcpoperator.mcp.jsonrpc.DecodedBody.Valid;
import io.mcpoperator.mcp.jsonrpc.Json;
import io.mcpoperator.mcp.jsonrpc.JsonRpcError;
import io.mcpoperator.mcp.jsonrpc.JsonRpcMessage;
import io.mcpoperator.mcp.jsonrpc.JsonRpcMessage.Failure;
import io.mcpoperator.mcp.jsonrpc.JsonRpcMessage.Request;
import io.mcpoperator.mcp.jsonrpc.JsonRpcMessage.Result;
import io.mcpoperator.mcp.session.ClientSession;
import io.mcpoperator.mcp.session.SessionRecord;
import io.mcpoperator.mcp.session.SessionStore;
import io.mcpoperator.mcp.session.SessionStoreUnavailableException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** POST on the Streamable HTTP endpoint: initialize, session messages and stateless requests. */
final class StreamablePost {
  private final Dispatcher dispatcher;
  private final SessionStore store;
  private final SessionGate gate;
  private final java.util.function.Consumer<SessionRecord> onStart;
  private final PostAdmission admission;
  private final ListenStreams listens;

  StreamablePost(
      Dispatcher dispatcher,
      SessionStore store,
      SessionGate gate,
      java.util.function.Consumer<SessionRecord> onStart,
      PostAdmission admission,
      ListenStreams listens) {
    this.listens = listens;
    this.onStart = onStart;
    this.admission = admission;
    this.dispatcher = dispatcher;
    this.store = store;
    this.gate = gate;
  }

  void handle(ServerRequest req, ServerResponse res) throws InterruptedException {
    Optional<DecodedBody> body = admission.body(req, res, true);
    if (body.isEmpty()) {
      return;
    }
    DecodedBody decoded = body.get();
    JsonValue requestId = requestId(decoded);
    Optional<Optional<String>> versionHeader = gate.versionHeader(req, res, requestId);
    if (versionHeader.isEmpty()) {
      return;
    }
    boolean stateless = stateless(versionHeader.get(), decoded);
    Optional<Request> initialize = initializeRequest(decoded);
    if (initialize.isPresent() && !stateless) {
      openSession(req, res, decoded, initialize.get());
    } else if (stateless) {
      serveStateless(
          req, res, decoded, requestId, versionHeader.get().orElse(McpProtocol.V2026_07_28));
    } else {
      Optional<SessionRecord> session = gate.session(req, res, requestId);
      if (session.isPresent() && batchAllowed(req, res, decoded, session.get())) {
        serve(req, res, decoded, new Caller.InSession(session.get()));
      }
    }
  }

  /** {@code initialize}: alone in its body, without a session id, within the limits. */
  private void openSession(
      ServerRequest req, ServerResponse res, DecodedBody decoded, Request initialize) {
    if (decoded.batch()) {
      gate.reject(
          req,
          res,
          Status.BAD_REQUEST_400,
          initialize.id(),
          JsonRpcError.of(
              JsonRpcError.INVALID_REQUEST,
              "Invalid request: initialize must be sent alone, not in a JSON-RPC batch"));
      return;
    }
    if (McpHeaders.value(req, McpHeaders.SESSION_ID).isPresent()) {
      gate.reject(
          req,
          res,
          Status.BAD_REQUEST_400,
          initialize.id(),
          JsonRpcError.of(
              JsonRpcError.INVALID_REQUEST,
              "Invalid request: this session is already initialized; initialize opens a new"
                  + " session and is sent without Mcp-Session-Id"));
      return;
    }
    if (admission.admit(req, res, Optional.empty(), 1, 0).isPresent()
        && gate.roomForSession(req, res)) {
      initialize(req, res, initialize);
    }
  }

  /** 2026-07-28: served without a session (a stray Mcp-Session-Id is ignored). */
  private void serveStateless(
      ServerRequest req,
      ServerResponse res,
      DecodedBody decoded,
      JsonValue requestId,
      String version)
      throws InterruptedException {
    Optional<ModernRequests.Rejection> rejection =
        ModernRequests.check(decoded, name -> McpHeaders.value(req, name));
    if (rejection.isPresent()) {
      gate.reject(req, res, rejection.get().status(), requestId, rejection.get().error());
      return;
    }
    if (requestMethod(decoded).equals(ListenStreams.METHOD)
        && decoded.entries().getFirst() instanceof Valid(Request listen)) {
      if (admission.admit(req, res, Optional.empty(), 1, 0).isPresent()) {
        listens.serve(res, listen);
      }
      return;
    }
    serve(req, res, decoded, new Caller.Stateless(version));
  }

  private boolean batchAllowed(
      ServerRequest req, ServerResponse res, DecodedBody decoded, SessionRecord session) {
    if (!decoded.batch() || McpProtocol.allowsBatches(session.protocolVersion())) {
      return true;
    }
    gate.reject(
        req,
        res,
        Status.BAD_REQUEST_400,
        JsonRpcError.INVALID_REQUEST,
        "Invalid request: protocol version "
            + session.protocolVersion()
            + " does not allow JSON-RPC batches");
    return false;
  }

  private void serve(ServerRequest req, ServerResponse res, DecodedBody decoded, Caller caller)
      throws InterruptedException {
    RequestHeaders headers = RequestHeaders.of(req);
    SessionRuntime runtime =
        caller.sessionId().map(dispatcher::runtime).orElseGet(SessionRuntime::new);
    long requests = decoded.entries().stream().filter(e -> e instanceof Valid(Request r)).count();
    long invalid = decoded.entries().stream().filter(e -> e instanceof Invalid).count();
    if (requests == 0 && invalid == 0) {
      decoded
          .entries()
          .forEach(e -> dispatch(((Valid) e).message(), caller, runtime, null, headers));
      HttpReplies.accepted(res);
      return;
    }
    Optional<Permits> admitted = admission.admit(req, res, caller.sessionId(), requests, requests);
    if (admitted.isEmpty()) {
      return;
    }
    Permits permits = admitted.get();
    var exchange = new PostExchange();
    boolean modern = caller instanceof Caller.Stateless;
    String method = modern ? requestMethod(decoded) : "";
    Outbox counted =
        permits.releasingOnLast(
            (message, last) ->
                exchange.send(
                    modern && last ? ModernRequests.complete(message, method) : message, last));
    var target =
        new StreamTarget(caller.sessionId(), StreamIds.next(), caller.protocolVersion(), store);
    Duration maxWait = permits.settings().limits().requestTimeout().plusSeconds(5);
    Function<JsonRpcMessage, Status> statusOf =
        modern ? ModernRequests::status : m -> Status.OK_200;
    // the permits of requests that never ran go back however dispatching ends
    int started = 0;
    boolean dispatched = false;
    try {
      if (!decoded.batch()
          && decoded.entries().size() == 1
          && decoded.entries().getFirst() instanceof Valid(Request request)) {
        // one request: served on this connection's thread, no hand-off for a plain JSON answer
        exchange.respondHere(
            () ->
                dispatcher.requestHere(request, caller.client(request), runtime, counted, headers),
            res,
            target,
            maxWait,
            statusOf);
        dispatched = true;
        return;
      }
      for (var entry : decoded.entries()) {
        switch (entry) {
          case Valid(JsonRpcMessage message) -> {
            dispatch(message, caller, runtime, counted, headers);
            started += message instanceof Request ? 1 : 0;
          }
          case Invalid(Failure failure) -> exchange.send(failure, true);
        }
      }
      dispatched = true;
    } finally {
      if (!dispatched) {
        permits.releaseUnstarted(started);
      }
    }
    exchange.respond(res, (int) (requests + invalid), decoded.batch(), target, maxWait, statusOf);
  }

  private void dispatch(
      JsonRpcMessage message,
      Caller caller,
      SessionRuntime runtime,
      Outbox outbox,
      RequestHeaders headers) {
    dispatcher.dispatch(message, caller.client(message), runtime, outbox, headers);
  }

  private void initialize(ServerRequest req, ServerResponse res, Request request) {
    Optional<String> requested = Json.string(request.params(), "protocolVersion");
    if (requested.isEmpty()) {
      HttpReplies.message(
          res,
          new Failure(
              request.id(), JsonRpcError.invalidParams("initialize needs \"protocolVersion\"")));
      return;
    }
    String version = McpProtocol.negotiate(requested.get());
    JsonObject result;
    try {
      result = dispatcher.initializeResult(version);
    } catch (McpException e) {
      HttpReplies.message(res, new Failure(request.id(), e.error()));
      return;
    }
    var record =
        new SessionRecord(
            SessionIds.next(),
            version,
            Json.object(request.params(), "clientInfo").orElse(JsonObject.EMPTY_JSON_OBJECT),
            Json.object(request.params(), "capabilities").orElse(JsonObject.EMPTY_JSON_OBJECT),
            Optional.empty(),
            false,
            gate.owner(req));
    try {
      store.create(record);
    } catch (SessionStoreUnavailableException e) {
      gate.unavailable(req, res, e);
      return;
    }
    onStart.accept(record);
    res.header(McpHeaders.SESSION_ID, record.id());
    HttpReplies.message(res, new Result(request.id(), result));
  }

  /** The id of the one request a body holds, for errors about it; null otherwise. */
  private static JsonValue requestId(DecodedBody decoded) {
    return !decoded.batch()
            && decoded.entries().size() == 1
            && decoded.entries().getFirst() instanceof Valid(Request r)
        ? r.id()
        : JsonValue.NULL;
  }

  /** The method of the one request of a 2026-07-28 body (they have no batches), else "". */
  private static String requestMethod(DecodedBody decoded) {
    return decoded.entries().size() == 1 && decoded.entries().getFirst() instanceof Valid(Request r)
        ? r.method()
        : "";
  }

  private static Optional<Request> initializeRequest(DecodedBody decoded) {
    return decoded.entries().stream()
        .flatMap(
            e ->
                e instanceof Valid(Request r) && r.method().equals("initialize")
                    ? java.util.stream.Stream.of(r)
                    : java.util.stream.Stream.empty())
        .findFirst();
  }

  /** A 2026-07-28 request: its version header or its {@code _meta} names a stateless revision. */
  private static boolean stateless(Optional<String> versionHeader, DecodedBody decoded) {
    if (versionHeader.map(McpProtocol::stateless).orElse(false)) {
      return true;
    }
    return decoded.entries().stream()
        .anyMatch(
            e ->
                e instanceof Valid(Request r)
                    && metaVersion(r.params()).map(McpProtocol::stateless).orElse(false));
  }

  private static Optional<String> metaVersion(JsonObject params) {
    return Json.object(params, "_meta")
        .flatMap(m -> Json.string(m, McpProtocol.META_PROTOCOL_VERSION));
  }

  static ClientSession statelessClient(JsonRpcMessage message, String headerVersion) {
    JsonObject params =
        switch (message) {
          case Request r -> r.params();
          case JsonRpcMessage.Notification n -> n.params();
          default -> JsonObject.EMPTY_JSON_OBJECT;
        };
    JsonObject meta = Json.object(params, "_meta").orElse(JsonObject.EMPTY_JSON_OBJECT);
    return new ClientSession(
        Optional.empty(),
        Json.string(meta, McpProtocol.META_PROTOCOL_VERSION).orElse(headerVersion),
        Json.object(meta, McpProtocol.META_CLIENT_INFO).orElse(JsonObject.EMPTY_JSON_OBJECT),
        Json.object(meta, McpProtocol.META_CLIENT_CAPABILITIES)
            .orElse(JsonObject.EMPTY_JSON_OBJECT),
        Optional.empty());
  }

  static List<String> methods(DecodedBody decoded) {
    return decoded.entries().stream()
        .filter(e -> e instanceof Valid(Request r))
        .map(e -> ((Request) ((Valid) e).message()).method())
        .toList();
  }
}
