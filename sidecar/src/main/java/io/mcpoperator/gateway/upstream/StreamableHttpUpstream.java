package io.mcpoperator.gateway.upstream;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webclient.api.HttpClientResponse;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webclient.http1.Http1ClientRequest;
import io.mcpoperator.mcp.McpProtocol;
import io.mcpoperator.mcp.jsonrpc.Json;
import io.mcpoperator.mcp.jsonrpc.JsonRpcCodec;
import io.mcpoperator.mcp.jsonrpc.JsonRpcError;
import io.mcpoperator.mcp.jsonrpc.JsonRpcMessage;
import io.mcpoperator.mcp.jsonrpc.JsonRpcMessage.Failure;
import io.mcpoperator.mcp.jsonrpc.JsonRpcMessage.Notification;
import io.mcpoperator.mcp.jsonrpc.JsonRpcMessage.Request;
import io.mcpoperator.mcp.jsonrpc.JsonRpcMessage.Result;
import io.mcpoperator.mcp.transport.McpHeaders;
import io.mcpoperator.mcp.transport.ModernHeaders;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An upstream speaking Streamable HTTP. Each request is its own POST (answered as JSON or SSE; the
 * messages of an SSE answer are tagged with the request they came with), a GET stream carries
 * server-initiated messages. The upstream's session id and protocol version are learned from
 * initialize; a 404 (session gone) or a connection failure counts as a disconnect, and the
 * connection is re-established with backoff. A request whose {@code _meta} names the stateless
 * revision 2026-07-28 goes on the gateway's upstream session when the upstream is session-based
 * only (its {@code server/discover}, asked once after initialize, offers no stateless revision), as
 * over stdio. Otherwise (a 2026-07-28 upstream, see {@link StatelessUpstream}, or one that serves
 * both) it goes without session, its {@code MCP-Protocol-Version}, {@code Mcp-Method} and {@code
 * Mcp-Name} headers mirror the body, and its cancellation closes its response stream, and a {@code
 * tools/call} carries the {@code Mcp-Param-*} headers its tool's schema asks for ({@link
 * ParamHeaders}). An error status whose body is a JSON-RPC error answers the request with that
 * error.
 */
public final class StreamableHttpUpstream implements Upstream {
  private static final Logger LOG = LoggerFactory.getLogger(StreamableHttpUpstream.class);
  private static final int MAX_RESUMES = 1000;
  private static final int MAX_IDLE_RESUMES = 10;
  private static final Duration DEFAULT_RETRY = Duration.ofMillis(100);
  private static final Duration MAX_RETRY = Duration.ofSeconds(5);
  private static final int MAX_TOOL_PAGES = 50;
  private static final AtomicLong TOOL_LISTS = new AtomicLong();
  private final URI uri;
  private final Backoff backoff;
  private final ForwardedHeaders forwarded;
  private final Http1Client client;
  private final AtomicBoolean up = new AtomicBoolean();
  private volatile UpstreamListener listener;
  private volatile Optional<String> sessionId = Optional.empty();
  private volatile Optional<String> protocolVersion = Optional.empty();
  private volatile boolean closed;
  private final Map<JsonValue, Thread> modernCalls = new ConcurrentHashMap<>();
  private final Set<JsonValue> cancelledCalls = ConcurrentHashMap.newKeySet();
  private final ParamHeaders paramHeaders = new ParamHeaders();
  private static final Duration DISCOVER_TIMEOUT = Duration.ofSeconds(5);
  private volatile CompletableFuture<Boolean> speaksStateless =
      CompletableFuture.completedFuture(true);

  public StreamableHttpUpstream(URI uri, Backoff backoff, ForwardedHeaders forwarded) {
    this.uri = uri;
    this.backoff = backoff;
    this.forwarded = forwarded;
    // HTTP/1.1 directly (MCP's transport), no protocol discovery per request, no client services:
    // on a fast upstream the generic WebClient's per-request set-up cost a tenth of the call
    this.client =
        Http1Client.builder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(false)
            .servicesDiscoverServices(false)
            .build();
  }

  @Override
  public void start(UpstreamListener listener) {
    this.listener = listener;
    up.set(true);
    listener.connected();
  }

  @Override
  public void send(JsonRpcMessage message) throws IOException {
    send(message, ClientHeaders.NONE);
  }

  @Override
  public void send(JsonRpcMessage message, ClientHeaders clientHeaders) throws IOException {
    if (!up.get()) {
      throw new IOException("upstream " + uri + " is not reachable");
    }
    if (message instanceof Notification n
        && n.method().equals("notifications/cancelled")
        && stateless(n.params())) {
      // 2026-07-28: closing the request's response stream is the cancellation
      abort(n.params().get("requestId"));
      return;
    }
    Thread.ofVirtual().name("upstream-http").start(() -> post(message, clientHeaders));
  }

  /**
   * A client's request, on the calling thread when that is a virtual thread (the POST, its answer
   * and any events before it are handled here; the answer reaches the listener before this
   * returns), else on a thread of its own as {@link #send(JsonRpcMessage, ClientHeaders)}.
   */
  @Override
  public void call(Request request, ClientHeaders clientHeaders) throws IOException {
    if (!Thread.currentThread().isVirtual()) {
      send(request, clientHeaders);
      return;
    }
    if (!up.get()) {
      throw new IOException("upstream " + uri + " is not reachable");
    }
    post(request, clientHeaders);
  }

  /**
   * Whether a message goes to the upstream the 2026-07-28 way (no session, headers mirroring the
   * body): its {@code _meta} names a stateless revision and the upstream is not a session-based
   * one. A 2026-07-28 client's request to an upstream that answered the gateway's initialize with a
   * session-based version is bridged onto the gateway's upstream session instead, as over stdio.
   */
  private boolean stateless(JsonObject params) {
    if (ModernHeaders.statelessVersion(params).isEmpty()) {
      return false;
    }
    Optional<String> spoken = protocolVersion;
    if (spoken.isEmpty() || McpProtocol.stateless(spoken.get())) {
      return true;
    }
    try {
      return speaksStateless.get(DISCOVER_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (ExecutionException | TimeoutException e) {
      return false;
    }
  }

  /**
   * Whether the upstream, which answered the gateway's initialize with a session-based version,
   * also serves 2026-07-28 requests without a session: its {@code server/discover} (asked without
   * session) offers a stateless revision the gateway speaks. A refusal or no answer is a no.
   */
  private boolean discoverStateless() {
    var discover =
        new Request(
            Json.string("gw-discover-" + TOOL_LISTS.incrementAndGet()),
            "server/discover",
            ModernMessages.discoverParams(
                McpProtocol.STATELESS_VERSIONS.getFirst(),
                ModernMessages.Identity.of(JsonValue.EMPTY_JSON_OBJECT)));
    var request = jsonRpcPost();
    ModernHeaders.mirror(discover, request::header);
    var answer = new CompletableFuture<JsonObject>();
    UpstreamListener capture =
        new UpstreamListener() {
          @Override
          public void connected() {}

          @Override
          public void received(JsonRpcMessage message, Optional<JsonValue> related) {
            if (message instanceof Result(JsonValue rid, JsonObject result)
                && rid.equals(discover.id())) {
              answer.complete(result);
            }
          }

          @Override
          public void disconnected(String reason) {}
        };
    try (HttpClientResponse response = request.submit(JsonRpcCodec.encode(discover))) {
      if (response.status().code() == 200) {
        HttpMessages.deliver(response, capture, Optional.of(discover.id()));
      }
    } catch (IOException | RuntimeException e) {
      LOG.debug("server/discover without session failed: {}", e.getMessage());
    }
    Optional<String> version =
        Optional.ofNullable(answer.getNow(null)).flatMap(ModernMessages::version);
    LOG.info(
        "upstream {} {}",
        uri,
        version
            .map(v -> "also serves " + v + " without session: 2026-07-28 clients pass through")
            .orElse(
                "is session-based only: 2026-07-28 clients are served on the gateway's session"));
    return version.isPresent();
  }

  /** Closes the connection of a 2026-07-28 request in flight (interrupting its reader). */
  private void abort(JsonValue requestId) {
    Thread reader = requestId == null ? null : modernCalls.get(requestId);
    if (reader != null) {
      cancelledCalls.add(requestId);
      reader.interrupt();
    }
  }

  /** A POST of JSON-RPC to the upstream's endpoint, accepting a JSON or an SSE answer. */
  private Http1ClientRequest jsonRpcPost() {
    return client
        .post()
        .uri(uri)
        .header(HeaderNames.CONTENT_TYPE, "application/json")
        .header(HeaderNames.ACCEPT, "application/json, text/event-stream");
  }

  private void post(JsonRpcMessage message, ClientHeaders clientHeaders) {
    var request = jsonRpcPost();
    forwarded.apply(
        clientHeaders, (name, value) -> request.header(HeaderNames.create(name), value));
    Optional<Request> call = message instanceof Request r ? Optional.of(r) : Optional.empty();
    Optional<JsonValue> modern = call.filter(r -> stateless(r.params())).map(Request::id);
    UpstreamListener target = listener;
    if (modern.isPresent()) {
      // 2026-07-28: no session; the headers mirror the body
      ModernHeaders.mirror(call.get(), request::header);
      modernCalls.put(modern.get(), Thread.currentThread());
      target = paramHeaders(call.get(), request);
    } else {
      sessionId.ifPresent(id -> request.header(McpHeaders.SESSION_ID, id));
      protocolVersion.ifPresent(v -> request.header(McpHeaders.PROTOCOL_VERSION, v));
    }
    try (HttpClientResponse response = request.submit(JsonRpcCodec.encode(message))) {
      Status status = response.status();
      if (status.code() == 404 && sessionId.isPresent()) {
        fail(call, "upstream session expired");
        reconnect("upstream session expired (404)");
        return;
      }
      if (status.code() >= 300) {
        Optional<Failure> error = call.flatMap(r -> HttpMessages.error(response, r.id()));
        if (error.isPresent()) {
          listener.received(error.get(), Optional.empty());
        } else {
          fail(call, "upstream answered HTTP " + status.code());
        }
        return;
      }
      if (call.isPresent() && call.get().method().equals("initialize")) {
        sessionId = response.headers().first(McpHeaders.SESSION_ID);
        var probe = new CompletableFuture<Boolean>();
        speaksStateless = probe;
        HttpMessages.deliver(response, new VersionCapture(listener), call.map(Request::id));
        openStream();
        probe.complete(
            protocolVersion.filter(v -> !McpProtocol.stateless(v)).isPresent()
                && discoverStateless());
        return;
      }
      var delivery = HttpMessages.deliver(response, target, call.map(Request::id));
      if (call.isPresent() && !delivery.answered() && delivery.lastEventId().isPresent()) {
        resume(call.get(), delivery);
      }
    } catch (IOException | RuntimeException e) {
      if (modern.isPresent() && cancelledCalls.remove(modern.get())) {
        LOG.debug("closed the response stream of cancelled request {}", modern.get());
        return;
      }
      if (Thread.currentThread().isInterrupted()) {
        // a client's request ended (timed out, cancelled) while it ran on this thread: its
        // connection was closed under it, the upstream is fine
        LOG.debug("request {} ended while its upstream call ran", call.map(Request::id));
        return;
      }
      LOG.warn("upstream {} unreachable: {}", uri, String.valueOf(e.getMessage()));
      fail(call, "upstream unreachable (the gateway log has the cause)");
      reconnect("upstream unreachable (the gateway log has the cause)");
    } finally {
      modern.ifPresent(
          id -> {
            modernCalls.remove(id);
            cancelledCalls.remove(id);
          });
    }
  }

  /**
   * The {@code Mcp-Param-*} headers of a 2026-07-28 {@code tools/call} (the tools are listed first
   * if none were seen yet), and the listener that learns them from a {@code tools/list} result.
   */
  private UpstreamListener paramHeaders(Request call, Http1ClientRequest request) {
    if (call.method().equals("tools/call")) {
      if (!paramHeaders.listed()) {
        listTools(call);
      }
      paramHeaders.apply(
          Json.string(call.params(), "name").orElse(""),
          Json.object(call.params(), "arguments").orElse(JsonValue.EMPTY_JSON_OBJECT),
          (name, value) -> request.header(HeaderNames.create(name), value));
      return listener;
    }
    if (call.method().equals("tools/list")) {
      return new ToolsCapture(listener, call.id());
    }
    return listener;
  }

  /** Lists the upstream's tools (every page) to learn their {@code x-mcp-header} parameters. */
  private void listTools(Request call) {
    JsonObject meta = Json.object(call.params(), "_meta").orElse(JsonValue.EMPTY_JSON_OBJECT);
    var metaBuilder = Json.object(meta);
    metaBuilder.remove("progressToken");
    Optional<String> cursor = Optional.empty();
    for (int page = 0; page < MAX_TOOL_PAGES; page++) {
      var params = Json.object().add("_meta", metaBuilder.build());
      cursor.ifPresent(c -> params.add("cursor", c));
      var list =
          new Request(
              Json.string("gw-tools-" + TOOL_LISTS.incrementAndGet()),
              "tools/list",
              params.build());
      var capture = new ToolsCapture(null, list.id());
      var request = jsonRpcPost();
      ModernHeaders.mirror(list, request::header);
      try (HttpClientResponse response = request.submit(JsonRpcCodec.encode(list))) {
        if (response.status().code() != 200) {
          return;
        }
        HttpMessages.deliver(response, capture, Optional.of(list.id()));
      } catch (IOException | RuntimeException e) {
        LOG.debug("could not list the upstream's tools: {}", e.getMessage());
        return;
      }
      cursor = capture.nextCursor;
      if (cursor.isEmpty()) {
        return;
      }
    }
  }

  /** Learns the {@code x-mcp-header} parameters from a tools/list result on its way through. */
  private final class ToolsCapture implements UpstreamListener {
    private final UpstreamListener delegate;
    private final JsonValue id;
    private Optional<String> nextCursor = Optional.empty();

    ToolsCapture(UpstreamListener delegate, JsonValue id) {
      this.delegate = delegate;
      this.id = id;
    }

    @Override
    public void connected() {}

    @Override
    public void received(JsonRpcMessage message, Optional<JsonValue> related) {
      JsonRpcMessage passed = message;
      if (message instanceof Result(JsonValue rid, JsonObject result) && rid.equals(id)) {
        passed = new Result(rid, paramHeaders.learn(result));
        nextCursor = Json.string(result, "nextCursor");
      }
      if (delegate != null) {
        delegate.received(passed, related);
      }
    }

    @Override
    public void disconnected(String reason) {}
  }

  /**
   * The server ended the response stream of {@code call} before answering it (SEP-1699 polling):
   * reconnect with GET and {@code Last-Event-ID} after the delay it asked for, until the answer
   * arrives, the server no longer offers the stream, or it stops sending anything new.
   */
  private void resume(Request call, HttpMessages.Delivery delivery) throws IOException {
    var current = delivery;
    int idle = 0;
    for (int attempt = 1; !current.answered(); attempt++) {
      if (closed || attempt > MAX_RESUMES || idle > MAX_IDLE_RESUMES) {
        fail(Optional.of(call), "upstream did not finish the response stream");
        return;
      }
      String lastEventId = current.lastEventId().get();
      pause(current.retry().orElse(DEFAULT_RETRY));
      var request =
          client
              .get()
              .uri(uri)
              .readTimeout(Duration.ofDays(1))
              .header(HeaderNames.ACCEPT, "text/event-stream")
              .header(McpHeaders.LAST_EVENT_ID, lastEventId);
      sessionId.ifPresent(id -> request.header(McpHeaders.SESSION_ID, id));
      protocolVersion.ifPresent(v -> request.header(McpHeaders.PROTOCOL_VERSION, v));
      try (HttpClientResponse response = request.request()) {
        if (response.status().code() != 200) {
          fail(Optional.of(call), "upstream refused to resume the stream: " + response.status());
          return;
        }
        var next = HttpMessages.deliver(response, listener, Optional.of(call.id()));
        idle = next.lastEventId().isEmpty() ? idle + 1 : 0;
        current =
            new HttpMessages.Delivery(
                next.answered(),
                next.lastEventId().or(() -> Optional.of(lastEventId)),
                next.retry().or(current::retry));
      }
    }
  }

  private static void pause(Duration delay) {
    try {
      Thread.sleep(delay.compareTo(MAX_RETRY) > 0 ? MAX_RETRY : delay);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Learns the negotiated protocol version from the initialize result on its way through. */
  private final class VersionCapture implements UpstreamListener {
    private final UpstreamListener delegate;

    VersionCapture(UpstreamListener delegate) {
      this.delegate = delegate;
    }

    @Override
    public void connected() {}

    @Override
    public void received(JsonRpcMessage message, Optional<JsonValue> related) {
      if (message instanceof Result r) {
        protocolVersion = Json.string(r.result(), "protocolVersion");
      }
      delegate.received(message, related);
    }

    @Override
    public void disconnected(String reason) {}
  }

  private void fail(Optional<Request> call, String reason) {
    call.ifPresent(
        r ->
            listener.received(
                new Failure(r.id(), JsonRpcError.of(JsonRpcError.SERVER_UNAVAILABLE, reason)),
                Optional.empty()));
  }

  private void reconnect(String reason) {
    if (closed || !up.compareAndSet(true, false)) {
      return;
    }
    sessionId = Optional.empty();
    protocolVersion = Optional.empty();
    LOG.warn("upstream {} lost: {}", uri, reason);
    listener.disconnected(reason);
    Thread.ofVirtual()
        .name("upstream-http-reconnect")
        .start(
            () -> {
              try {
                backoff.pause();
              } catch (InterruptedException e) {
                return;
              }
              if (!closed && up.compareAndSet(false, true)) {
                listener.connected();
              }
            });
  }

  /** The GET stream for server-initiated messages; a 405 means the server has none. */
  private void openStream() {
    Thread.ofVirtual()
        .name("upstream-http-stream")
        .start(
            () -> {
              Optional<String> session = sessionId;
              while (!closed && up.get() && session.equals(sessionId)) {
                var request =
                    client
                        .get()
                        .uri(uri)
                        .readTimeout(Duration.ofDays(365))
                        .header(HeaderNames.ACCEPT, "text/event-stream");
                session.ifPresent(id -> request.header(McpHeaders.SESSION_ID, id));
                protocolVersion.ifPresent(v -> request.header(McpHeaders.PROTOCOL_VERSION, v));
                try (HttpClientResponse response = request.request()) {
                  if (response.status().code() != 200) {
                    return;
                  }
                  HttpMessages.deliver(response, listener, Optional.empty());
                } catch (IOException | RuntimeException e) {
                  LOG.debug("upstream GET stream ended: {}", e.getMessage());
                }
                try {
                  backoff.pause();
                } catch (InterruptedException e) {
                  return;
                }
              }
            });
  }

  @Override
  public String describe() {
    return "streamable-http " + uri;
  }

  @Override
  public void close() {
    closed = true;
    sessionId.ifPresent(
        id -> {
          try (var response =
              client.delete().uri(uri).header(McpHeaders.SESSION_ID, id).request()) {
            LOG.debug("upstream session deleted: {}", response.status());
          } catch (RuntimeException e) {
            LOG.debug("could not delete upstream session: {}", e.getMessage());
          }
        });
  }
}
