package io.mcpoperator.mcp.transport;

import io.helidon.webserver.http.ServerRequest;
import io.mcpoperator.mcp.McpBackend;
import io.mcpoperator.mcp.McpException;
import io.mcpoperator.mcp.McpProtocol;
import io.mcpoperator.mcp.ServerIdentity;
import io.mcpoperator.mcp.jsonrpc.Json;
import io.mcpoperator.mcp.jsonrpc.JsonRpcError;
import io.mcpoperator.mcp.jsonrpc.JsonRpcMessage;
import io.mcpoperator.mcp.jsonrpc.JsonRpcMessage.Failure;
import io.mcpoperator.mcp.jsonrpc.JsonRpcMessage.Notification;
import io.mcpoperator.mcp.jsonrpc.JsonRpcMessage.Request;
import io.mcpoperator.mcp.jsonrpc.JsonRpcMessage.Response;
import io.mcpoperator.mcp.jsonrpc.JsonRpcMessage.Result;
import io.mcpoperator.mcp.session.ClientSession;
import io.mcpoperator.mcp.session.SessionStore;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Transport-independent handling of a session's messages: the protocol methods the library answers
 * itself, requests run on the backend with timeout and cancellation, client notifications, and
 * client responses to server-to-client requests. A 2026-07-28 request that echoes a {@code
 * requestState} of this gateway is the retry of a request parked between multi round-trip rounds
 * ({@link ParkedRequests}): it resumes that request instead of starting one.
 */
public final class Dispatcher {
  private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);
  static final Set<String> LOG_LEVELS =
      Set.of("debug", "info", "notice", "warning", "error", "critical", "alert", "emergency");

  private final McpBackend backend;
  private final SessionStore store;
  private final TransportSettings settings;
  private final RequestObserver observer;
  private final Map<String, SessionRuntime> runtimes = new ConcurrentHashMap<>();
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          Thread.ofPlatform().daemon().name("mcp-timeouts").factory());
  private final Deadlines deadlines = new Deadlines(timer);
  private final MultiRoundTrips mrtr;
  private final BodyReader bodies;

  public Dispatcher(
      McpBackend backend,
      SessionStore store,
      TransportSettings settings,
      RequestObserver observer) {
    this.backend = backend;
    this.store = store;
    this.settings = settings;
    this.observer = observer;
    this.mrtr =
        new MultiRoundTrips(
            deadlines,
            () -> settings.limits().requestTimeout(),
            () -> settings.limits().maxConcurrentRequests());
    this.bodies = new BodyReader(deadlines, observer);
  }

  McpBackend backend() {
    return backend;
  }

  /** The request body of {@code req}, within the size cap and body deadline in force. */
  Optional<byte[]> body(ServerRequest req) {
    TransportLimits limits = settings.limits();
    return bodies.read(req, limits.maxBodyBytes(), limits.bodyTimeout());
  }

  /** This replica's runtime state of a session (created on first use). */
  SessionRuntime runtime(String sessionId) {
    return runtimes.computeIfAbsent(sessionId, k -> new SessionRuntime());
  }

  /** The server's capabilities; empty while they cannot be told (the upstream is not ready). */
  JsonObject capabilities() {
    try {
      return backend.identity().capabilities();
    } catch (McpException e) {
      return JsonValue.EMPTY_JSON_OBJECT;
    }
  }

  /** The initialize result for a negotiated version. */
  JsonObject initializeResult(String version) throws McpException {
    ServerIdentity identity = backend.identity();
    var result =
        Json.object()
            .add("protocolVersion", version)
            .add("capabilities", identity.capabilities())
            .add("serverInfo", identity.serverInfo());
    identity.instructions().ifPresent(i -> result.add("instructions", i));
    return result.build();
  }

  /** Starts serving a request; its final response is sent to {@code outbox} with last=true. */
  void request(
      Request request,
      ClientSession session,
      SessionRuntime runtime,
      Outbox outbox,
      RequestHeaders headers) {
    request(request, session, runtime, outbox, headers, false);
  }

  /**
   * Serves a request on the calling thread: returns once the backend has returned, its final
   * response sent to {@code outbox}. Saves the hand-offs to and from a thread of its own; what the
   * request sends before its final response must be written by another thread (see {@link
   * PostExchange#respondHere}).
   */
  void requestHere(
      Request request,
      ClientSession session,
      SessionRuntime runtime,
      Outbox outbox,
      RequestHeaders headers) {
    request(request, session, runtime, outbox, headers, true);
  }

  private void request(
      Request request,
      ClientSession session,
      SessionRuntime runtime,
      Outbox outbox,
      RequestHeaders headers,
      boolean here) {
    if (mrtr.resumed(request, session, outbox)) {
      return;
    }
    long start = System.nanoTime();
    var inFlight = new InFlight(request, session, outbox, runtime, headers, mrtr);
    inFlight
        .response()
        .whenComplete(
            (response, error) -> {
              observer.finished(
                  request.method(), request.params(), response, System.nanoTime() - start);
              mrtr.passed(session, response);
              inFlight.deliver(response);
              runtime.finished(inFlight);
            });
    switch (request.method()) {
      case "ping" -> inFlight.complete(new Result(request.id(), JsonValue.EMPTY_JSON_OBJECT));
      case "initialize" ->
          inFlight.complete(
              new Failure(
                  request.id(), JsonRpcError.invalidRequest("session already initialized")));
      case "logging/setLevel" -> inFlight.complete(setLevel(request, session));
      case "server/discover" -> inFlight.complete(discover(request));
      default -> runOnBackend(inFlight, runtime, here);
    }
  }

  private void runOnBackend(InFlight inFlight, SessionRuntime runtime, boolean here) {
    runtime.started(inFlight);
    Duration requestTimeout = settings.limits().requestTimeout();
    deadlines.watch(inFlight, requestTimeout, () -> inFlight.timedOut(requestTimeout));
    inFlight.response().whenComplete((r, e) -> deadlines.forget(inFlight));
    if (here) {
      inFlight.worker(Thread.currentThread());
      Response answer;
      try {
        answer = invoke(inFlight);
      } finally {
        inFlight.releaseWorker();
      }
      inFlight.complete(answer);
      return;
    }
    Thread.ofVirtual()
        .name("mcp-request")
        .start(
            () -> {
              inFlight.worker(Thread.currentThread());
              inFlight.complete(invoke(inFlight));
            });
  }

  private Response invoke(InFlight inFlight) {
    try {
      return new Result(inFlight.id(), backend.handle(inFlight));
    } catch (McpException e) {
      return new Failure(inFlight.id(), e.error());
    } catch (RuntimeException | StackOverflowError | LinkageError e) {
      // a backend's bug (a runaway recursion, a missing class) fails its request, not the server
      if (!inFlight.cancelled()) {
        LOG.warn("backend failed on {}", inFlight.method(), e);
      }
      return new Failure(
          inFlight.id(), JsonRpcError.internal("Internal error (the gateway log has the cause)"));
    }
  }

  private Response setLevel(Request request, ClientSession session) {
    var level = Json.string(request.params(), "level");
    if (level.isEmpty() || !LOG_LEVELS.contains(level.get())) {
      return new Failure(
          request.id(), JsonRpcError.invalidParams("\"level\" must be one of " + LOG_LEVELS));
    }
    session
        .id()
        .flatMap(store::find)
        .ifPresent(record -> store.update(record.withLogLevel(level.get())));
    return new Result(request.id(), JsonValue.EMPTY_JSON_OBJECT);
  }

  private Response discover(Request request) {
    try {
      var versions = Json.array();
      McpProtocol.ALL_VERSIONS.forEach(versions::add);
      var identity = backend.identity();
      var result =
          Json.object()
              .add("supportedVersions", versions)
              .add("capabilities", identity.capabilities())
              .add("serverInfo", identity.serverInfo());
      identity.instructions().ifPresent(i -> result.add("instructions", i));
      return new Result(request.id(), result.build());
    } catch (McpException e) {
      return new Failure(request.id(), e.error());
    }
  }

  /** Handles a client notification. */
  void notification(Notification notification, ClientSession session, SessionRuntime runtime) {
    switch (notification.method()) {
      case "notifications/initialized" -> {}
      case "notifications/cancelled" -> {
        JsonValue id = notification.params().get("requestId");
        if (id != null) {
          runtime
              .inFlight(id)
              .ifPresent(
                  r ->
                      r.abort(
                          JsonRpcError.of(
                              JsonRpcError.REQUEST_CANCELLED,
                              Json.string(notification.params(), "reason")
                                  .orElse("Request cancelled by the client"))));
        }
      }
      default -> {
        try {
          backend.onNotification(session, notification);
        } catch (RuntimeException e) {
          LOG.warn("backend failed on notification {}", notification.method(), e);
        }
      }
    }
  }

  /** Handles a client's response to a server-to-client request. */
  void response(Response response, SessionRuntime runtime) {
    if (!runtime.answer(response)) {
      LOG.debug("dropping response to unknown request {}", response.id());
    }
  }

  /** A session ended: abort what it has in flight here and tell the backend. */
  void sessionEnded(String sessionId) {
    SessionRuntime runtime = runtimes.remove(sessionId);
    if (runtime != null) {
      runtime.end("Session ended");
    }
    try {
      backend.onSessionEnd(sessionId);
    } catch (RuntimeException e) {
      LOG.warn("backend failed on session end", e);
    }
  }

  /** Cancels the requests parked between input rounds (their clients get no answer). */
  void cancelParked() {
    mrtr.cancelAll();
  }

  /** Cancels the requests parked between input rounds and stops the timers. */
  void shutdown() {
    cancelParked();
    timer.shutdownNow();
  }

  /** The requests parked between input rounds (for tests). */
  int parkedRequests() {
    return mrtr.parked();
  }

  /**
   * Dispatches a decoded message of a session: requests start (seeing the {@code headers} of the
   * HTTP request that carried them), the rest is handled inline.
   */
  void dispatch(
      JsonRpcMessage message,
      ClientSession session,
      SessionRuntime runtime,
      Outbox outbox,
      RequestHeaders headers) {
    switch (message) {
      case Request r -> request(r, session, runtime, outbox, headers);
      case Notification n -> notification(n, session, runtime);
      case Response r -> response(r, runtime);
    }
  }
}
