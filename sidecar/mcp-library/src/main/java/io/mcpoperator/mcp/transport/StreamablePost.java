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
import io.mcpoperator.mcp.jsonrpc.JsonRpcCodec;
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
import java.util.concurrent.Semaphore;
import java.util.function.Function;

/** POST on the Streamable HTTP endpoint: initialize, session messages and stateless requests. */
final class StreamablePost {
  private final Dispatcher dispatcher;
  private final SessionStore store;
  private final SessionGate gate;
  private final TransportSettings settings;
  private final java.util.function.Consumer<SessionRecord> onStart;
  private final Throttling throttling;
  private final ListenStreams listens;

  StreamablePost(
      Dispatcher dispatcher,
      SessionStore store,
      SessionGate gate,
      TransportSettings settings,
      java.util.function.Consumer<SessionRecord> onStart,
      Throttling throttling,
      ListenStreams listens) {
    this.listens = listens;
    this.onStart = onStart;
    this.throttling = throttling;
    this.dispatcher = dispatcher;
    this.store = store;
    this.gate = gate;
    this.settings = settings;
  }

  void handle(ServerRequest req, ServerResponse res) throws InterruptedException {
    if (!gate.originAllowed(req, res)) {
      return;
    }
    if (!McpHeaders.contentTypeIs(req, "application/json")) {
      gate.reject(
          req,
          res,
          Status.UNSUPPORTED_MEDIA_TYPE_415,
          JsonRpcError.INVALID_REQUEST,
          "Unsupported Media Type: Content-Type must be application/json");
      return;
    }
    if (!McpHeaders.accepts(req, "application/json")
        || !McpHeaders.accepts(req, "text/event-stream")) {
      gate.reject(
          req,
          res,
          Status.NOT_ACCEPTABLE_406,
          JsonRpcError.INVALID_REQUEST,
          "Not Acceptable: Accept must list application/json and text/event-stream");
      return;
    }
    Optional<byte[]> body = dispatcher.body(req);
    if (body.isEmpty()) {
      gate.reject(
          req,
          res,
          Status.REQUEST_ENTITY_TOO_LARGE_413,
          JsonRpcError.INVALID_REQUEST,
          "Payload Too Large: the limit is " + settings.limits().maxBodyBytes() + " bytes");
      return;
    }
    DecodedBody decoded = JsonRpcCodec.decode(body.get());
    if (!decoded.batch() && decoded.entries().getFirst() instanceof Invalid(Failure failure)) {
      gate.reject(
          req, res, Status.BAD_REQUEST_400, failure.error().code(), failure.error().message());
      return;
    }
    JsonValue requestId = requestId(decoded);
    Optional<Optional<String>> versionHeader = gate.versionHeader(req, res, requestId);
    if (versionHeader.isEmpty()) {
      return;
    }
    Optional<Request> initialize = initializeRequest(decoded);
    if (initialize.isPresent() && !stateless(versionHeader.get(), decoded)) {
      if (decoded.batch()) {
        gate.reject(
            req,
            res,
            Status.BAD_REQUEST_400,
            initialize.get().id(),
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
            initialize.get().id(),
            JsonRpcError.of(
                JsonRpcError.INVALID_REQUEST,
                "Invalid request: this session is already initialized; initialize opens a new"
                    + " session and is sent without Mcp-Session-Id"));
        return;
      }
      if (throttling.admit(req, res, Optional.empty(), 1) && gate.roomForSession(req, res)) {
        initialize(req, res, initialize.get());
      }
      return;
    }
    if (stateless(versionHeader.get(), decoded)) {
      // 2026-07-28: served without a session (a stray Mcp-Session-Id is ignored)
      Optional<ModernRequests.Rejection> rejection =
          ModernRequests.check(decoded, name -> McpHeaders.value(req, name));
      if (rejection.isPresent()) {
        gate.reject(req, res, rejection.get().status(), requestId, rejection.get().error());
        return;
      }
      if (requestMethod(decoded).equals(ListenStreams.METHOD)
          && decoded.entries().getFirst() instanceof Valid(Request listen)) {
        if (throttling.admit(req, res, Optional.empty(), 1)) {
          listens.serve(res, listen);
        }
        return;
      }
      serve(
          req,
          res,
          decoded,
          null,
          new SessionRuntime(),
          versionHeader.get().orElse(McpProtocol.V2026_07_28));
      return;
    }
    Optional<SessionRecord> session = gate.session(req, res, requestId);
    if (session.isEmpty()) {
      return;
    }
    if (decoded.batch() && !McpProtocol.allowsBatches(session.get().protocolVersion())) {
      gate.reject(
          req,
          res,
          Status.BAD_REQUEST_400,
          JsonRpcError.INVALID_REQUEST,
          "Invalid request: protocol version "
              + session.get().protocolVersion()
              + " does not allow JSON-RPC batches");
      return;
    }
    serve(
        req,
        res,
        decoded,
        session.get(),
        dispatcher.runtime(session.get().id()),
        session.get().protocolVersion());
  }

  private void serve(
      ServerRequest req,
      ServerResponse res,
      DecodedBody decoded,
      SessionRecord session,
      SessionRuntime runtime,
      String version)
      throws InterruptedException {
    RequestHeaders headers = RequestHeaders.of(req);
    long requests = decoded.entries().stream().filter(e -> e instanceof Valid(Request r)).count();
    long invalid = decoded.entries().stream().filter(e -> e instanceof Invalid).count();
    if (requests == 0 && invalid == 0) {
      decoded
          .entries()
          .forEach(e -> dispatch(((Valid) e).message(), session, runtime, version, null, headers));
      HttpReplies.accepted(res);
      return;
    }
    if (!throttling.admit(
        req, res, Optional.ofNullable(session).map(SessionRecord::id), requests)) {
      return;
    }
    var current = settings.current();
    Semaphore permits = current.permits();
    if (!throttling.reserve(req, res, current, requests)) {
      return;
    }
    var exchange = new PostExchange();
    boolean modern = session == null;
    String method = modern ? requestMethod(decoded) : "";
    Outbox counted =
        (message, last) -> {
          if (last) {
            permits.release();
          }
          exchange.send(modern && last ? ModernRequests.complete(message, method) : message, last);
        };
    var target =
        new StreamTarget(
            Optional.ofNullable(session).map(SessionRecord::id), StreamIds.next(), version, store);
    Duration maxWait = current.limits().requestTimeout().plusSeconds(5);
    Function<JsonRpcMessage, Status> statusOf =
        modern ? ModernRequests::status : m -> Status.OK_200;
    if (!decoded.batch()
        && decoded.entries().size() == 1
        && decoded.entries().getFirst() instanceof Valid(Request request)) {
      // one request: served on this connection's thread, no hand-off for a plain JSON answer
      ClientSession client = session != null ? session.client() : statelessClient(request, version);
      exchange.respondHere(
          () -> dispatcher.requestHere(request, client, runtime, counted, headers),
          res,
          target,
          maxWait,
          statusOf);
      return;
    }
    for (var entry : decoded.entries()) {
      switch (entry) {
        case Valid(JsonRpcMessage message) ->
            dispatch(message, session, runtime, version, counted, headers);
        case Invalid(Failure failure) -> exchange.send(failure, true);
      }
    }
    exchange.respond(res, (int) (requests + invalid), decoded.batch(), target, maxWait, statusOf);
  }

  private void dispatch(
      JsonRpcMessage message,
      SessionRecord session,
      SessionRuntime runtime,
      String version,
      Outbox outbox,
      RequestHeaders headers) {
    ClientSession client = session != null ? session.client() : statelessClient(message, version);
    dispatcher.dispatch(message, client, runtime, outbox, headers);
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
            false);
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
