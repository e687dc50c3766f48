package io.mcpoperator.gateway.upstream;

import io.mcpoperator.mcp.McpProtocol;
import io.mcpoperator.mcp.jsonrpc.Json;
import io.mcpoperator.mcp.jsonrpc.JsonRpcError;
import io.mcpoperator.mcp.jsonrpc.JsonRpcMessage;
import io.mcpoperator.mcp.jsonrpc.JsonRpcMessage.Failure;
import io.mcpoperator.mcp.jsonrpc.JsonRpcMessage.Notification;
import io.mcpoperator.mcp.jsonrpc.JsonRpcMessage.Request;
import io.mcpoperator.mcp.jsonrpc.JsonRpcMessage.Response;
import io.mcpoperator.mcp.jsonrpc.JsonRpcMessage.Result;
import io.mcpoperator.mcp.transport.ModernHeaders;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes an upstream that speaks only the stateless revision 2026-07-28 look like a session-based
 * one to the gateway. The gateway's {@code initialize} is tried first (or skipped when the
 * configuration says the upstream is 2026-07-28); when the upstream refuses it, {@code
 * server/discover} is asked and, if it offers a stateless revision we speak, answers the
 * initialize. From then on every request carries the 2026-07-28 {@code _meta} (the gateway's
 * capabilities and info from its initialize request), {@code notifications/initialized} is not
 * sent, final results lose {@code resultType: "complete"}, and an {@code input_required} result
 * (MRTR) turns into server-to-client requests related to the request, as a session-based upstream
 * would send them; once the client answered them all, the request is retried with the answers, for
 * at most {@code maxRounds} rounds. A request whose {@code _meta} already names a stateless
 * revision (a 2026-07-28 client) passes through untouched, MRTR included. While the upstream
 * answers initialize, this adapter passes everything through.
 */
public final class StatelessUpstream implements Upstream {
  private static final Logger LOG = LoggerFactory.getLogger(StatelessUpstream.class);

  /** Input rounds per request before the gateway gives up. */
  public static final int DEFAULT_MAX_ROUNDS = 8;

  private final Upstream inner;
  private final boolean forced;
  private final int maxRounds;
  private final AtomicLong inputIds = new AtomicLong();
  private final Map<JsonValue, ModernExchange> byAttempt = new ConcurrentHashMap<>();
  private final Map<JsonValue, ModernExchange> byGatewayId = new ConcurrentHashMap<>();
  private final Map<String, ModernExchange> byInput = new ConcurrentHashMap<>();
  private volatile UpstreamListener listener;
  private volatile Optional<String> version = Optional.empty();
  private volatile ModernMessages.Identity identity =
      ModernMessages.Identity.of(JsonValue.EMPTY_JSON_OBJECT);
  private volatile Handshake handshake;
  private volatile boolean knownStateless;

  private StatelessUpstream(Upstream inner, boolean forced, int maxRounds) {
    this.inner = inner;
    this.forced = forced;
    this.maxRounds = maxRounds;
  }

  /** Initializes {@code inner} as usual, and falls back to 2026-07-28 when it refuses. */
  public static StatelessUpstream negotiating(Upstream inner) {
    return new StatelessUpstream(inner, false, DEFAULT_MAX_ROUNDS);
  }

  /** Speaks 2026-07-28 with {@code inner} from the start (no initialize). */
  public static StatelessUpstream forced(Upstream inner) {
    return new StatelessUpstream(inner, true, DEFAULT_MAX_ROUNDS);
  }

  /** As {@link #negotiating} or {@link #forced}, with another round limit. */
  public static StatelessUpstream of(Upstream inner, boolean forced, int maxRounds) {
    if (maxRounds < 1) {
      throw new IllegalArgumentException("maxRounds must be positive, got " + maxRounds);
    }
    return new StatelessUpstream(inner, forced, maxRounds);
  }

  /**
   * The upstream for a configured {@code protocolVersion}: empty (negotiate) wraps {@code inner} to
   * fall back to 2026-07-28, a stateless version forces it, a session-based version leaves {@code
   * inner} as it is.
   */
  public static Upstream forVersion(Optional<String> protocolVersion, Upstream inner) {
    if (protocolVersion.isEmpty()) {
      return negotiating(inner);
    }
    return McpProtocol.stateless(protocolVersion.get()) ? forced(inner) : inner;
  }

  /** The stateless revision spoken with the upstream; empty while it is session-based. */
  public Optional<String> protocolVersion() {
    return version;
  }

  @Override
  public void start(UpstreamListener listener) {
    this.listener = listener;
    inner.start(new FromUpstream());
  }

  @Override
  public void send(JsonRpcMessage message) throws IOException {
    send(message, ClientHeaders.NONE);
  }

  @Override
  public void send(JsonRpcMessage message, ClientHeaders headers) throws IOException {
    if (message instanceof Request r && r.method().equals("initialize")) {
      initialize(r);
      return;
    }
    if (version.isEmpty()) {
      inner.send(message, headers);
      return;
    }
    switch (message) {
      case Request r -> forward(r, headers);
      case Response r -> answered(r);
      case Notification n -> notification(n);
    }
  }

  // ---- handshake ----

  /** The gateway's initialize being answered: by the upstream, or from server/discover. */
  private record Handshake(Request initialize, JsonValue discoverId, Optional<Failure> refusal) {
    Handshake refused(Failure failure) {
      return new Handshake(initialize, discoverId, Optional.of(failure));
    }

    boolean owns(JsonValue id) {
      return id.equals(initialize.id()) || id.equals(discoverId);
    }
  }

  private void initialize(Request request) throws IOException {
    identity = ModernMessages.Identity.of(request.params());
    var next =
        new Handshake(
            request,
            Json.string(ModernExchange.text(request.id()) + "/discover"),
            Optional.empty());
    handshake = next;
    if (forced || knownStateless) {
      discover(next);
      return;
    }
    version = Optional.empty();
    inner.send(request);
  }

  private void discover(Handshake current) throws IOException {
    inner.send(
        new Request(
            current.discoverId(),
            "server/discover",
            ModernMessages.discoverParams(McpProtocol.STATELESS_VERSIONS.getFirst(), identity)));
  }

  private void handshakeAnswer(Handshake current, Response response) {
    JsonValue id = current.initialize().id();
    if (response.id().equals(id)) {
      if (response instanceof Failure refusal) {
        // a 2026-07-28-only server refuses initialize (-32022, -32020, -32601, HTTP 400/404)
        LOG.info("upstream refused initialize ({}); asking server/discover", refusal.error());
        Handshake refused = current.refused(refusal);
        handshake = refused;
        try {
          discover(refused);
        } catch (IOException e) {
          handshake = null;
          listener.received(refusal, Optional.empty());
        }
        return;
      }
      handshake = null;
      knownStateless = false;
      listener.received(response, Optional.empty());
      return;
    }
    handshake = null;
    listener.received(discovered(current, response), Optional.empty());
  }

  private Response discovered(Handshake current, Response response) {
    JsonValue id = current.initialize().id();
    if (response instanceof Result(var rid, JsonObject result)) {
      Optional<String> spoken = ModernMessages.version(result);
      if (spoken.isPresent()) {
        version = spoken;
        knownStateless = true;
        LOG.info("upstream {} speaks {}: stateless mode", inner.describe(), spoken.get());
        return new Result(id, ModernMessages.initializeResult(result, spoken.get(), describe()));
      }
      knownStateless = false;
      return refused(
          current,
          JsonRpcError.of(
              JsonRpcError.UNSUPPORTED_PROTOCOL_VERSION,
              "Upstream offers protocol versions "
                  + ModernMessages.offered(result)
                  + ", none of which the gateway speaks statelessly ("
                  + McpProtocol.STATELESS_VERSIONS
                  + ")"));
    }
    knownStateless = false;
    JsonRpcError error = ((Failure) response).error();
    return refused(
        current,
        JsonRpcError.of(
            error.code(), "Upstream did not answer server/discover: " + error.message()));
  }

  /** The upstream's own refusal of initialize, if there was one; else {@code error}. */
  private static Response refused(Handshake current, JsonRpcError error) {
    return current
        .refusal()
        .map(r -> (Response) r)
        .orElse(new Failure(current.initialize().id(), error));
  }

  // ---- requests from the gateway ----

  private void forward(Request request, ClientHeaders headers) throws IOException {
    if (ModernHeaders.statelessVersion(request.params()).isPresent()) {
      // a 2026-07-28 client: its own _meta, and its own MRTR rounds
      inner.send(request, headers);
      return;
    }
    JsonObject params = ModernMessages.withMeta(request.params(), version.get(), identity);
    var exchange = new ModernExchange(request.id(), request.method(), params, headers);
    byAttempt.put(request.id(), exchange);
    byGatewayId.put(request.id(), exchange);
    try {
      inner.send(new Request(request.id(), request.method(), params), headers);
    } catch (IOException e) {
      forget(exchange);
      throw e;
    }
  }

  /** The gateway's answer to an input request of an MRTR round (the client's answer). */
  private void answered(Response response) {
    String inputId = ModernExchange.text(response.id());
    ModernExchange exchange = byInput.remove(inputId);
    if (exchange == null) {
      LOG.debug("dropping an answer to no input request in flight: {}", response.id());
      return;
    }
    switch (response) {
      case Result(var id, JsonObject result) -> {
        if (exchange.rounds().answer(inputId, result)) {
          retry(exchange);
        }
      }
      case Failure(var id, JsonRpcError error) -> {
        String method =
            exchange.rounds().input(inputId).map(ModernExchange.Input::method).orElse("input");
        finish(
            exchange,
            new Failure(
                exchange.gatewayId(),
                JsonRpcError.internal(
                    "the upstream needs "
                        + method
                        + " to complete "
                        + exchange.method()
                        + ", and the client answered it with error "
                        + error.code()
                        + ": "
                        + error.message())));
      }
    }
  }

  private void notification(Notification notification) throws IOException {
    switch (notification.method()) {
      case "notifications/initialized" -> {
        // 2026-07-28 has no handshake to complete
      }
      case "notifications/cancelled" -> cancelled(notification);
      default -> LOG.debug("not sent to a 2026-07-28 upstream: {}", notification.method());
    }
  }

  /**
   * The gateway cancels a request: the current attempt is cancelled upstream (the {@code _meta}
   * version tells an HTTP upstream to close the request's stream instead of posting it).
   */
  private void cancelled(Notification notification) throws IOException {
    JsonValue requestId = notification.params().get("requestId");
    if (requestId == null) {
      return;
    }
    ModernExchange exchange = byGatewayId.get(requestId);
    JsonValue attempt = exchange == null ? requestId : exchange.rounds().attempt();
    if (exchange != null) {
      forget(exchange);
    }
    var params = Json.object(notification.params()).add("requestId", attempt);
    var meta = Json.object().add(McpProtocol.META_PROTOCOL_VERSION, version.orElseThrow());
    inner.send(new Notification(notification.method(), params.add("_meta", meta).build()));
  }

  // ---- messages from the upstream ----

  private final class FromUpstream implements UpstreamListener {
    @Override
    public void connected() {
      listener.connected();
    }

    @Override
    public void received(JsonRpcMessage message, Optional<JsonValue> related) {
      Handshake current = handshake;
      if (current != null && message instanceof Response r && current.owns(r.id())) {
        handshakeAnswer(current, r);
        return;
      }
      if (version.isEmpty()) {
        listener.received(message, related);
        return;
      }
      Optional<JsonValue> gatewayRelated = related.map(StatelessUpstream.this::gatewayId);
      if (message instanceof Response r && byAttempt.containsKey(r.id())) {
        upstreamAnswer(r);
        return;
      }
      listener.received(message, gatewayRelated);
    }

    @Override
    public void disconnected(String reason) {
      byAttempt.clear();
      byGatewayId.clear();
      byInput.clear();
      handshake = null;
      listener.disconnected(reason);
    }
  }

  private JsonValue gatewayId(JsonValue attempt) {
    ModernExchange exchange = byAttempt.get(attempt);
    return exchange == null ? attempt : exchange.gatewayId();
  }

  private void upstreamAnswer(Response response) {
    ModernExchange exchange = byAttempt.remove(response.id());
    if (exchange == null) {
      return;
    }
    switch (response) {
      case Failure(var id, JsonRpcError error) ->
          finish(exchange, new Failure(exchange.gatewayId(), error));
      case Result(var id, JsonObject result) -> {
        String type = ModernMessages.resultType(result);
        if (type.equals(McpProtocol.RESULT_COMPLETE)) {
          finish(
              exchange, new Result(exchange.gatewayId(), ModernMessages.withoutComplete(result)));
        } else if (type.equals(McpProtocol.RESULT_INPUT_REQUIRED)) {
          inputRequired(exchange, result);
        } else {
          fail(
              exchange,
              "the upstream answered "
                  + exchange.method()
                  + " with resultType \""
                  + type
                  + "\", which the gateway does not know");
        }
      }
    }
  }

  /** An MRTR round: the upstream's input requests go to the client, as server requests. */
  private void inputRequired(ModernExchange exchange, JsonObject result) {
    Optional<JsonObject> requests = Json.object(result, ModernMessages.INPUT_REQUESTS);
    Optional<String> state = Json.string(result, ModernMessages.REQUEST_STATE);
    if (requests.isEmpty() && state.isEmpty()) {
      fail(
          exchange,
          "the upstream answered "
              + exchange.method()
              + " with input_required but neither inputRequests nor requestState");
      return;
    }
    Map<String, ModernExchange.Input> inputs = new LinkedHashMap<>();
    Map<String, Request> outgoing = new LinkedHashMap<>();
    for (var entry : requests.orElse(JsonValue.EMPTY_JSON_OBJECT).entrySet()) {
      Optional<Request> request = inputRequest(entry.getValue());
      if (request.isEmpty()) {
        fail(
            exchange,
            "the upstream asked for input \""
                + entry.getKey()
                + "\" that is not one of "
                + McpProtocol.INPUT_REQUEST_METHODS
                + ": "
                + entry.getValue());
        return;
      }
      String inputId = "gw-input-" + inputIds.incrementAndGet();
      inputs.put(inputId, new ModernExchange.Input(entry.getKey(), request.get().method()));
      outgoing.put(inputId, request.get());
    }
    int round = exchange.rounds().ask(inputs, state);
    if (round > maxRounds) {
      fail(
          exchange,
          "the upstream still asked for input after "
              + maxRounds
              + " rounds of "
              + exchange.method()
              + "; the gateway gives up");
      return;
    }
    if (outgoing.isEmpty()) {
      retry(exchange);
      return;
    }
    outgoing.keySet().forEach(id -> byInput.put(id, exchange));
    outgoing.forEach(
        (id, request) ->
            listener.received(
                new Request(Json.string(id), request.method(), request.params()),
                Optional.of(exchange.gatewayId())));
  }

  private static Optional<Request> inputRequest(JsonValue value) {
    if (!(value instanceof JsonObject request)) {
      return Optional.empty();
    }
    return Json.string(request, "method")
        .filter(McpProtocol.INPUT_REQUEST_METHODS::contains)
        .map(
            m ->
                new Request(
                    JsonValue.NULL,
                    m,
                    Json.object(request, "params").orElse(JsonValue.EMPTY_JSON_OBJECT)));
  }

  private void retry(ModernExchange exchange) {
    if (!byGatewayId.containsKey(exchange.gatewayId())) {
      return; // cancelled meanwhile
    }
    ModernExchange.Retry retry = exchange.rounds().retry(exchange.params());
    byAttempt.put(retry.id(), exchange);
    try {
      inner.send(new Request(retry.id(), exchange.method(), retry.params()), exchange.headers());
    } catch (IOException e) {
      LOG.warn("upstream unavailable for {}: {}", exchange.method(), e.getMessage());
      finish(
          exchange,
          new Failure(
              exchange.gatewayId(),
              JsonRpcError.of(
                  JsonRpcError.SERVER_UNAVAILABLE,
                  "Upstream MCP server unavailable (the gateway log has the cause)")));
    }
  }

  private void fail(ModernExchange exchange, String detail) {
    LOG.warn("{}", detail);
    finish(exchange, new Failure(exchange.gatewayId(), JsonRpcError.internal(detail)));
  }

  private void finish(ModernExchange exchange, Response response) {
    forget(exchange);
    listener.received(response, Optional.empty());
  }

  private void forget(ModernExchange exchange) {
    byGatewayId.remove(exchange.gatewayId());
    byAttempt.remove(exchange.rounds().attempt());
    exchange.rounds().unanswered().forEach(byInput::remove);
  }

  /** Requests of the gateway in flight on the upstream, MRTR rounds included (for tests). */
  int inFlight() {
    return byGatewayId.size();
  }

  @Override
  public String describe() {
    return version.map(v -> inner.describe() + " (stateless " + v + ")").orElse(inner.describe());
  }

  @Override
  public void close() {
    inner.close();
  }
}
