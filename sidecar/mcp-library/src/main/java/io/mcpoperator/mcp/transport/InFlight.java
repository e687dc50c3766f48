package io.mcpoperator.mcp.transport;

import io.mcpoperator.mcp.McpProtocol;
import io.mcpoperator.mcp.McpRequest;
import io.mcpoperator.mcp.jsonrpc.JsonRpcError;
import io.mcpoperator.mcp.jsonrpc.JsonRpcMessage;
import io.mcpoperator.mcp.jsonrpc.JsonRpcMessage.Failure;
import io.mcpoperator.mcp.jsonrpc.JsonRpcMessage.Notification;
import io.mcpoperator.mcp.jsonrpc.JsonRpcMessage.Response;
import io.mcpoperator.mcp.session.ClientSession;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A client request being served: the {@link McpRequest} a backend sees, and its completion. The
 * server-to-client requests of a 2026-07-28 request become multi round-trip rounds ({@link
 * InputRounds}, created on the first one): its messages then go where those rounds say.
 */
final class InFlight implements McpRequest {
  private final JsonRpcMessage.Request request;
  private final ClientSession session;
  private final Outbox outbox;
  private final SessionRuntime runtime;
  private final RequestHeaders headers;
  private final MultiRoundTrips mrtr;
  private final CompletableFuture<Response> response = new CompletableFuture<>();
  private final List<Runnable> cancelActions = new CopyOnWriteArrayList<>();
  private volatile boolean cancelled;
  private volatile InputRounds rounds;
  private Thread worker;

  InFlight(
      JsonRpcMessage.Request request,
      ClientSession session,
      Outbox outbox,
      SessionRuntime runtime,
      RequestHeaders headers,
      MultiRoundTrips mrtr) {
    this.request = request;
    this.session = session;
    this.outbox = outbox;
    this.runtime = runtime;
    this.headers = headers;
    this.mrtr = mrtr;
  }

  @Override
  public String method() {
    return request.method();
  }

  @Override
  public JsonObject params() {
    return request.params();
  }

  @Override
  public JsonValue id() {
    return request.id();
  }

  @Override
  public ClientSession session() {
    return session;
  }

  @Override
  public Optional<String> httpHeader(String name) {
    return headers.value(name);
  }

  @Override
  public <T> Optional<T> attribute(Class<T> type) {
    return headers.attribute(type);
  }

  @Override
  public void notify(String method, JsonObject params) {
    if (!response.isDone()) {
      InputRounds current = rounds;
      if (current == null) {
        outbox.send(new Notification(method, params), false);
      } else {
        current.notify(new Notification(method, params));
      }
    }
  }

  @Override
  public CompletableFuture<Response> request(String method, JsonObject params) {
    if (response.isDone()) {
      return CompletableFuture.failedFuture(new IllegalStateException("request already answered"));
    }
    if (McpProtocol.stateless(session.protocolVersion())) {
      // 2026-07-28 has no server-to-client requests: input requests travel in results (MRTR)
      return askInRound(method, params);
    }
    var outbound = runtime.outbound(method, params);
    outbox.send(outbound.request(), false);
    onCancel(() -> outbound.future().cancel(false));
    return outbound.future();
  }

  @Override
  public boolean cancelled() {
    return cancelled;
  }

  @Override
  public void onCancel(Runnable action) {
    cancelActions.add(action);
    if (cancelled) {
      runQuietly(action);
    }
  }

  private CompletableFuture<Response> askInRound(String method, JsonObject params) {
    var refusal = mrtr.refusal(session, request.method(), method);
    if (refusal.isPresent()) {
      return CompletableFuture.failedFuture(new IllegalStateException(refusal.get()));
    }
    InputRounds current;
    synchronized (this) {
      current = rounds;
      if (current == null) {
        current = mrtr.open(this, outbox);
        rounds = current;
      }
    }
    // the final response reads rounds after completing: one of the two sees the other
    if (response.isDone()) {
      return CompletableFuture.failedFuture(new IllegalStateException("request already answered"));
    }
    return current.ask(method, params);
  }

  CompletableFuture<Response> response() {
    return response;
  }

  /**
   * Sends the final response (once {@link #response} completed): to the outbox of the HTTP request
   * that brought it, or, after input rounds, to the exchange now waiting for it.
   */
  void deliver(Response answer) {
    InputRounds current = rounds;
    if (current == null) {
      outbox.send(answer, true);
    } else {
      current.deliver(answer);
    }
  }

  /** Ends the request: it ran longer than {@code limit}. */
  void timedOut(Duration limit) {
    abort(
        JsonRpcError.of(
            JsonRpcError.REQUEST_TIMEOUT, "Request timed out after " + limit.toMillis() + " ms"));
  }

  /** True on the thread that runs the backend for this request. */
  boolean onWorker() {
    synchronized (this) {
      return worker == Thread.currentThread();
    }
  }

  void worker(Thread thread) {
    synchronized (this) {
      this.worker = thread;
    }
  }

  /**
   * The worker thread is done with this request: an abort no longer interrupts it, and an interrupt
   * an abort already made is cleared (the thread goes on serving its connection).
   */
  void releaseWorker() {
    synchronized (this) {
      worker = null;
      Thread.interrupted();
    }
  }

  /** Completes with the backend's answer, unless the request already ended. */
  void complete(Response answer) {
    response.complete(answer);
  }

  /** Ends the request with an error: cancellation by the client, a timeout, session end. */
  void abort(JsonRpcError error) {
    if (response.isDone()) {
      return;
    }
    cancelled = true;
    cancelActions.forEach(InFlight::runQuietly);
    response.complete(new Failure(request.id(), error));
    synchronized (this) {
      if (worker != null) {
        worker.interrupt();
      }
    }
  }

  private static void runQuietly(Runnable action) {
    try {
      action.run();
    } catch (RuntimeException e) {
      org.slf4j.LoggerFactory.getLogger(InFlight.class).warn("cancel action failed", e);
    }
  }
}
