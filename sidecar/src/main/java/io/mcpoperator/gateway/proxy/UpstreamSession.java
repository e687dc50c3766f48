package io.mcpoperator.gateway.proxy;

import io.mcpoperator.gateway.observe.UpstreamEvents;
import io.mcpoperator.gateway.upstream.Upstream;
import io.mcpoperator.gateway.upstream.UpstreamListener;
import io.mcpoperator.mcp.McpClients;
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
import io.mcpoperator.mcp.session.LocalSubscriptions;
import io.mcpoperator.mcp.session.ResourceSubscriptions;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's single MCP session with its upstream: initializes each new connection once,
 * forwards client requests under gateway ids and routes everything the upstream sends back to the
 * client request or sessions it belongs to.
 */
public final class UpstreamSession implements UpstreamListener {
  private static final Logger LOG = LoggerFactory.getLogger(UpstreamSession.class);
  private final Upstream upstream;
  private final Duration initializeTimeout;
  private final AtomicLong ids = new AtomicLong();
  private final Map<String, Route> routes = new ConcurrentHashMap<>();
  private final Map<String, CompletableFuture<Response>> internal = new ConcurrentHashMap<>();
  private final AtomicReference<ServerIdentity> identity = new AtomicReference<>();
  private final UpstreamEvents events;
  private final Notifications notifications;
  private final java.util.concurrent.ExecutorService fanOut =
      java.util.concurrent.Executors.newSingleThreadExecutor(
          Thread.ofVirtual().name("upstream-notify").factory());
  private final UpstreamSubscriptions subscriptions;
  private volatile McpClients clients;

  /** A session whose clients' resource subscriptions are known to this replica only. */
  public UpstreamSession(Upstream upstream, Duration initializeTimeout, UpstreamEvents events) {
    this(upstream, initializeTimeout, events, new LocalSubscriptions());
  }

  /**
   * @param subscriptions the client sessions' resource subscriptions, shared by the replicas when
   *     the session store is: this upstream is kept subscribed to every resource in it
   */
  public UpstreamSession(
      Upstream upstream,
      Duration initializeTimeout,
      UpstreamEvents events,
      ResourceSubscriptions subscriptions) {
    this.upstream = upstream;
    this.initializeTimeout = initializeTimeout;
    this.events = events;
    this.notifications = new Notifications(this::clients, subscriptions);
    this.subscriptions =
        new UpstreamSubscriptions(
            subscriptions,
            (method, uri) -> requestQuietly(method, Json.object().add("uri", uri).build()));
  }

  public void start(McpClients clients) {
    this.clients = clients;
    subscriptions.start();
    upstream.start(this);
  }

  McpClients clients() {
    return clients;
  }

  /** The upstream's identity once initialized. */
  public Optional<ServerIdentity> identity() {
    return Optional.ofNullable(identity.get());
  }

  public boolean ready() {
    return identity.get() != null;
  }

  /**
   * Waits until the upstream is initialized (it may be starting or restarting).
   *
   * @return false when {@code max} passed first
   */
  boolean awaitReady(Duration max) throws InterruptedException {
    long deadline = System.nanoTime() + max.toNanos();
    synchronized (identity) {
      while (identity.get() == null) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        identity.wait(Math.max(1, left / 1_000_000));
      }
      return true;
    }
  }

  public Upstream upstream() {
    return upstream;
  }

  Notifications notifications() {
    return notifications;
  }

  UpstreamSubscriptions subscriptions() {
    return subscriptions;
  }

  int inFlight() {
    return routes.size();
  }

  /**
   * Opens the route of a client's request: its answer, progress and server-to-client requests find
   * the client by it. Nothing is sent yet ({@link #send(Route)}), so the caller can arrange its
   * cancellation first.
   */
  Route open(io.mcpoperator.mcp.McpRequest request) {
    String id = "gw-" + ids.incrementAndGet();
    var route = new Route(id, request, request.progressToken(), new CompletableFuture<>());
    routes.put(id, route);
    route.response().whenComplete((r, e) -> routes.remove(id));
    return route;
  }

  /**
   * Sends the request of an open route. Over HTTP the exchange may run on this thread, so the
   * route's answer may be complete when this returns.
   */
  void send(Route route) throws IOException {
    var request = route.client();
    JsonObject params =
        route.progressToken().isPresent()
            ? ProgressTokens.replace(request.params(), route.upstreamId())
            : request.params();
    try {
      upstream.call(
          new Request(Json.string(route.upstreamId()), request.method(), params),
          request::httpHeader);
    } catch (IOException e) {
      routes.remove(route.upstreamId());
      throw e;
    }
  }

  /** Forwards a request; the route's future completes with the upstream's answer. */
  Route forward(io.mcpoperator.mcp.McpRequest request) throws IOException {
    Route route = open(request);
    send(route);
    return route;
  }

  /** Tells the upstream a forwarded request was cancelled. */
  void cancel(Route route, String reason) {
    if (routes.remove(route.upstreamId()) != null) {
      sendQuietly(
          new Notification(
              "notifications/cancelled",
              Json.object().add("requestId", route.upstreamId()).add("reason", reason).build()));
    }
  }

  /** Sends a request of the gateway's own; an error answer is logged, a result dropped. */
  void requestQuietly(String method, JsonObject params) {
    String id = "gw-own-" + ids.incrementAndGet();
    var future = new CompletableFuture<Response>();
    internal.put(id, future);
    future
        .orTimeout(initializeTimeout.toMillis(), TimeUnit.MILLISECONDS)
        .whenComplete(
            (response, error) -> {
              internal.remove(id);
              if (error instanceof java.util.concurrent.TimeoutException) {
                // the upstream may still be working on it: tell it to stop (and an adapter in
                // between to forget it)
                sendQuietly(
                    new Notification(
                        "notifications/cancelled",
                        Json.object().add("requestId", id).add("reason", "timed out").build()));
              }
              if (response instanceof Failure || error != null) {
                LOG.info(
                    "upstream did not accept {} {}: {}",
                    method,
                    params,
                    error != null ? error.toString() : ((Failure) response).error().message());
              }
            });
    try {
      upstream.send(new Request(Json.string(id), method, params));
    } catch (IOException e) {
      future.completeExceptionally(e);
    }
  }

  void sendQuietly(JsonRpcMessage message) {
    try {
      upstream.send(message);
    } catch (IOException e) {
      LOG.debug("could not send {} upstream: {}", message, e.getMessage());
    }
  }

  @Override
  public void connected() {
    Thread.ofVirtual().name("upstream-initialize").start(this::initialize);
  }

  private void initialize() {
    String id = "gw-init-" + ids.incrementAndGet();
    var future = new CompletableFuture<Response>();
    internal.put(id, future);
    var params =
        Json.object()
            .add("protocolVersion", McpProtocol.LATEST_SESSION_VERSION)
            .add(
                "capabilities",
                Json.object()
                    .add("roots", Json.object().add("listChanged", true))
                    .add("sampling", Json.object())
                    .add("elicitation", Json.object()))
            .add("clientInfo", Json.object().add("name", "mcp-gateway").add("version", "0.1.0"))
            .build();
    try {
      upstream.send(new Request(Json.string(id), "initialize", params));
      Response response = future.get(initializeTimeout.toMillis(), TimeUnit.MILLISECONDS);
      if (response instanceof Result(var rid, JsonObject result)) {
        sendQuietly(new Notification("notifications/initialized", JsonValue.EMPTY_JSON_OBJECT));
        var serverIdentity =
            new ServerIdentity(
                Json.object(result, "serverInfo").orElse(JsonValue.EMPTY_JSON_OBJECT),
                Json.object(result, "capabilities").orElse(JsonValue.EMPTY_JSON_OBJECT),
                Json.string(result, "instructions"));
        ServerIdentity previous;
        synchronized (identity) {
          previous = identity.getAndSet(serverIdentity);
          identity.notifyAll();
        }
        LOG.info(
            "upstream initialized: {} {} (protocol {})",
            Json.string(serverIdentity.serverInfo(), "name").orElse("?"),
            Json.string(serverIdentity.serverInfo(), "version").orElse("?"),
            Json.string(result, "protocolVersion").orElse("?"));
        events.initialized();
        subscriptions.initialized(serverIdentity);
        if (previous != null && !previous.capabilities().equals(serverIdentity.capabilities())) {
          notifications.capabilitiesChanged();
        }
      } else {
        LOG.warn("upstream refused initialize: {}", response);
      }
    } catch (IOException
        | java.util.concurrent.ExecutionException
        | java.util.concurrent.TimeoutException e) {
      LOG.warn("upstream initialize failed: {}", e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      internal.remove(id);
    }
  }

  @Override
  public void received(JsonRpcMessage message, Optional<JsonValue> related) {
    switch (message) {
      case Response r -> response(r);
      case Request r -> serverRequest(r, related);
      case Notification n -> notification(n, related);
    }
  }

  private void response(Response response) {
    if (!(response.id() instanceof JsonString id)) {
      idless(response);
      return;
    }
    var waiting = internal.remove(id.getString());
    if (waiting != null) {
      waiting.complete(response);
      return;
    }
    Route route = routes.remove(id.getString());
    if (route != null) {
      route.response().complete(response);
      return;
    }
    LOG.debug("upstream answer for {}, which is no longer in flight", id.getString());
    events.unmatched("unknown_id");
  }

  /**
   * An answer without a usable id: an error a server sends when it could not read a request's id
   * (JSON-RPC's {@code "id": null}). It belongs to the only request in flight, when there is one;
   * else it is counted, and the request it belonged to ends at its deadline.
   */
  private void idless(Response response) {
    if (response instanceof Failure failure && internal.isEmpty()) {
      var only = routes.values().stream().limit(2).toList();
      if (only.size() == 1 && routes.remove(only.getFirst().upstreamId()) != null) {
        only.getFirst().response().complete(failure);
        return;
      }
    }
    LOG.warn(
        "upstream answer without an id matches no single request ({} in flight): {}",
        routes.size() + internal.size(),
        abbreviated(response));
    events.unmatched("no_id");
  }

  private static String abbreviated(Response response) {
    String text = response.toString();
    return text.length() <= 200 ? text : text.substring(0, 200) + "...";
  }

  private void serverRequest(Request request, Optional<JsonValue> related) {
    if (request.method().equals("ping")) {
      sendQuietly(new Result(request.id(), JsonValue.EMPTY_JSON_OBJECT));
      return;
    }
    var choice = ServerRequestRouting.pick(request, related.flatMap(this::route), routes.values());
    if (!(choice instanceof ServerRequestRouting.Choice.To(Route target))) {
      refuse(request, choice);
      return;
    }
    target
        .client()
        .request(request.method(), request.params())
        .whenComplete(
            (answer, error) ->
                sendQuietly(
                    answer != null
                        ? withId(answer, request.id())
                        : new Failure(
                            request.id(),
                            JsonRpcError.internal("client did not answer: " + error))));
  }

  private void notification(Notification notification, Optional<JsonValue> related) {
    if (notification.method().equals("notifications/progress")) {
      Optional<JsonValue> token = Optional.ofNullable(notification.params().get("progressToken"));
      Optional<Route> route = token.flatMap(this::route);
      route.ifPresent(
          r ->
              r.client()
                  .notify(
                      notification.method(),
                      ProgressTokens.restore(
                          notification.params(), r.progressToken().orElse(JsonValue.NULL))));
      return;
    }
    Optional<Route> route = related.flatMap(this::route);
    if (route.isPresent()) {
      route.get().client().notify(notification.method(), notification.params());
      return;
    }
    // off the upstream's reader thread: a fan-out reaches every live session (with Redis, a store
    // round trip per batch and an append per session), and answers must not wait behind it; one
    // thread keeps the upstream's order
    fanOut.execute(() -> notifications.fanOut(notification));
  }

  private Optional<Route> route(JsonValue id) {
    return id instanceof JsonString s
        ? Optional.ofNullable(routes.get(s.getString()))
        : Optional.empty();
  }

  /** Answers a server-to-client request no client session can take. */
  private void refuse(Request request, ServerRequestRouting.Choice choice) {
    if (request.method().equals("roots/list")
        && choice instanceof ServerRequestRouting.Choice.Nobody) {
      // outside a client request (or with no client that has roots) the shared upstream gets none
      sendQuietly(new Result(request.id(), Json.object().add("roots", Json.array()).build()));
      return;
    }
    String why =
        choice instanceof ServerRequestRouting.Choice.Ambiguous(int sessions)
            ? sessions
                + " client sessions have requests in flight and the upstream did not say which "
                + request.method()
                + " is for"
            : "no client request in flight can answer " + request.method();
    LOG.warn("refusing upstream {}: {}", request.method(), why);
    sendQuietly(new Failure(request.id(), JsonRpcError.internal("the gateway " + why)));
  }

  private static Response withId(Response answer, JsonValue id) {
    return switch (answer) {
      case Result r -> new Result(id, r.result());
      case Failure f -> new Failure(id, f.error());
    };
  }

  @Override
  public void disconnected(String reason) {
    identity.set(null);
    subscriptions.disconnected();
    events.disconnected();
    var error =
        JsonRpcError.of(
            JsonRpcError.SERVER_UNAVAILABLE, "Upstream MCP server disconnected: " + reason);
    for (Route route : routes.values()) {
      route.response().complete(new Failure(Json.string(route.upstreamId()), error));
    }
    internal.values().forEach(f -> f.complete(new Failure(JsonValue.NULL, error)));
  }

  public void close() {
    subscriptions.close();
    upstream.close();
    fanOut.shutdown();
  }
}
