package io.mcpoperator.gateway;

import io.helidon.common.media.type.MediaTypes;
import io.helidon.health.HealthCheckResponse;
import io.helidon.health.HealthCheckType;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http1.Http1Config;
import io.helidon.webserver.observe.ObserveFeature;
import io.helidon.webserver.observe.health.HealthObserver;
import io.helidon.webserver.observe.metrics.MetricsObserver;
import io.mcpoperator.gateway.aggregate.AggregateConfig;
import io.mcpoperator.gateway.aggregate.CompositeBackend;
import io.mcpoperator.gateway.aggregate.Outbound;
import io.mcpoperator.gateway.aggregate.limits.ClientRateLimit;
import io.mcpoperator.gateway.auth.GatewayAuth;
import io.mcpoperator.gateway.config.Environment;
import io.mcpoperator.gateway.config.GatewayConfig;
import io.mcpoperator.gateway.limits.Http10Connections;
import io.mcpoperator.gateway.limits.ReadDeadlines;
import io.mcpoperator.gateway.observe.GatewayMetrics;
import io.mcpoperator.gateway.proxy.UpstreamSession;
import io.mcpoperator.gateway.proxy.UpstreamSwitch;
import io.mcpoperator.gateway.session.RedisSessionStore;
import io.mcpoperator.gateway.training.AotTraining;
import io.mcpoperator.gateway.upstream.Backoff;
import io.mcpoperator.gateway.upstream.FifoUpstream;
import io.mcpoperator.gateway.upstream.ForwardedHeaders;
import io.mcpoperator.gateway.upstream.SseUpstream;
import io.mcpoperator.gateway.upstream.StatelessUpstream;
import io.mcpoperator.gateway.upstream.StdioProcessUpstream;
import io.mcpoperator.gateway.upstream.StreamableHttpUpstream;
import io.mcpoperator.gateway.upstream.Upstream;
import io.mcpoperator.mcp.McpBackend;
import io.mcpoperator.mcp.McpClients;
import io.mcpoperator.mcp.jsonrpc.Json;
import io.mcpoperator.mcp.session.InMemorySessionStore;
import io.mcpoperator.mcp.session.SessionStore;
import io.mcpoperator.mcp.transport.McpHttpEndpoint;
import io.mcpoperator.mcp.transport.TransportLimits;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running gateway: the upstream session (none for an aggregation-only server), the aggregated
 * tools, prompts and resources, the MCP endpoint, health and metrics on one server.
 */
public final class Gateway implements AotTraining.Target {
  private static final Logger LOG = LoggerFactory.getLogger(Gateway.class);
  private static final int MAX_HEADERS_BYTES = 256 * 1024;
  private static final int STREAM_WRITE_BUFFER_BYTES = 1024;

  /** How long a shutdown waits for requests in flight. */
  static final Duration GRACE_PERIOD = Duration.ofSeconds(10);

  /** How long a new upstream may take to initialize before requests switch to it anyway. */
  private static final Duration UPSTREAM_START_WAIT = Duration.ofSeconds(30);

  private static final int EVENTS_PER_SESSION = 1000;
  private final Optional<UpstreamSwitch> upstream;
  private final CompositeBackend backend;
  private final ClientRateLimit rateLimit;
  private final McpHttpEndpoint endpoint;
  private final WebServer server;
  private final ReadDeadlines deadlines;
  private final Environment env;
  private final ForwardedHeaders forwarded;
  private final GatewayAuth auth;
  private volatile GatewayConfig config;
  private volatile boolean closing;

  private Gateway(GatewayConfig config, String host, Environment env) {
    this.config = config;
    this.env = env;
    this.auth = GatewayAuth.of(config.auth());
    ForwardedHeaders listed = ForwardedHeaders.parse(env.variable(ForwardedHeaders.ENV));
    this.forwarded = auth.enabled() ? listed.withIdentity(auth.identityHeaders()) : listed;
    SessionStore store = sessionStore(config, env);
    var metrics = new GatewayMetrics(store::size);
    this.upstream =
        upstream(config.upstream(), forwarded)
            .map(
                first ->
                    new UpstreamSwitch(
                        first,
                        u ->
                            new UpstreamSession(
                                u, Duration.ofSeconds(60), metrics, store.subscriptions()),
                        env.maxSpin()));
    Outbound outbound = Outbound.forGateway(config, env);
    this.backend = CompositeBackend.forGateway(config, upstream.map(u -> (McpBackend) u), outbound);
    this.rateLimit = new ClientRateLimit(outbound.rateLimiter(), config.limits().rateLimit());
    this.endpoint =
        McpHttpEndpoint.builder()
            .backend(auth.protect(backend))
            .guard(auth.guard())
            .sessionStore(store)
            .limits(limits(config))
            .allowedOrigins(config.limits().allowedOrigins())
            .throttle(rateLimit)
            .observer(metrics)
            .build();
    var health =
        HealthObserver.builder()
            .details(true)
            .addCheck(
                () ->
                    HealthCheckResponse.builder()
                        .status(ready())
                        .detail("upstream", describeUpstream())
                        .build(),
                HealthCheckType.READINESS,
                "upstream")
            .addCheck(
                () -> HealthCheckResponse.builder().status(store.reachable()).build(),
                HealthCheckType.READINESS,
                "sessions")
            .build();
    this.deadlines = new ReadDeadlines(config.limits().headerTimeout(), metrics::headerTimeout);
    Http1Config http1 =
        Http1Config.builder()
            // base64 kubeconfigs with embedded certificates (X-Kubeconfig) exceed the 16 KiB
            // default
            .maxHeadersSize(MAX_HEADERS_BYTES)
            .addReceiveListener(deadlines.receiving())
            .addSendListener(deadlines.sending())
            .build();
    this.server =
        WebServer.builder()
            .host(host)
            .port(config.port())
            .addProtocol(http1)
            .addConnectionSelector(new Http10Connections(http1))
            // close() drains first (GRACE_PERIOD); this bounds what is left after that
            .shutdownGracePeriod(Duration.ofSeconds(1))
            // per open response stream (SSE): events are flushed one by one and bigger writes
            // bypass the buffer, so 1 KiB instead of 4 KiB costs nothing but saves 3 KiB per stream
            .writeBufferSize(STREAM_WRITE_BUFFER_BYTES)
            .addFeature(
                ObserveFeature.builder()
                    .addObserver(health)
                    .addObserver(MetricsObserver.create())
                    .build())
            .routing(
                r -> {
                  auth.register(r);
                  r.get(
                          "/observe/aggregation",
                          (req, res) -> {
                            res.headers().contentType(MediaTypes.APPLICATION_JSON);
                            res.send(
                                Json.write(
                                    Json.object().add("shadowed", backend.shadowed()).build()));
                          })
                      .register(endpoint);
                })
            .build();
  }

  /**
   * Starts a gateway for {@code config} listening on {@code host}, with no environment variables
   * and the default spin ({@link Environment#empty()}: tests, the AOT training run).
   */
  public static Gateway start(GatewayConfig config, String host) {
    return start(config, host, Environment.empty());
  }

  /** Starts a gateway for {@code config} listening on {@code host}, taking {@code env} as given. */
  public static Gateway start(GatewayConfig config, String host, Environment env) {
    var gateway = new Gateway(config, host, env);
    gateway.server.start();
    LOG.info(
        "gateway listening on {}:{} in front of {}",
        host,
        gateway.server.port(),
        gateway.describeUpstream());
    return gateway;
  }

  private String describeUpstream() {
    return upstream
        .map(u -> u.session().upstream().describe())
        .orElse("no upstream (aggregation only)");
  }

  public int port() {
    return server.port();
  }

  /** Upstream initialized (if any) and not shutting down. */
  public boolean ready() {
    return !closing && upstream.map(UpstreamSwitch::ready).orElse(true);
  }

  /** The upstream session new requests go to; empty for an aggregation-only server. */
  public Optional<UpstreamSession> upstreamSession() {
    return upstream.map(UpstreamSwitch::session);
  }

  /** Server-initiated messages to the clients (tests). */
  McpClients clients() {
    return endpoint.clients();
  }

  /**
   * Applies a reloaded configuration: limits (rate limit included) and allowed Origins take effect
   * for new requests, the aggregated tools, prompts and resources at once (live sessions get {@code
   * list_changed}). A changed upstream is started and takes over new requests once initialized (see
   * {@link UpstreamSwitch}); a change of port, or to or from transport {@code none}, needs a
   * restart. Every replica reloads the same file, each at its own time: with Redis each live
   * session, whichever replica holds it, hears each change once from each replica (see {@link
   * io.mcpoperator.mcp.OncePerSession}).
   */
  public void reload(GatewayConfig next) {
    endpoint.update(limits(next), next.limits().allowedOrigins());
    rateLimit.update(next.limits().rateLimit());
    backend.update(AggregateConfig.of(next));
    GatewayConfig previous = config;
    config = next;
    if (!next.auth().equals(previous.auth())) {
      LOG.warn("configuration changed auth: that takes effect on restart");
    }
    if (next.port() != previous.port()) {
      LOG.warn(
          "configuration changed listen.port from {} to {}: that takes effect on restart",
          previous.port(),
          next.port());
    }
    if (!next.upstream().equals(previous.upstream())) {
      switchUpstream(previous, next);
    }
  }

  private void switchUpstream(GatewayConfig previous, GatewayConfig next) {
    Optional<Upstream> replacement = upstream(next.upstream(), forwarded);
    if (upstream.isEmpty() || replacement.isEmpty()) {
      LOG.warn(
          "configuration changed upstream.transport from {} to {}: that takes effect on restart",
          previous.upstream().transport().wire(),
          next.upstream().transport().wire());
      return;
    }
    try {
      upstream
          .get()
          .switchTo(
              replacement.get(),
              fingerprint(next.upstream()),
              UPSTREAM_START_WAIT,
              next.limits().requestTimeout());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      replacement.get().close();
    }
  }

  /** The same for the same upstream configuration on every replica: SHA-256 of its fields. */
  static String fingerprint(GatewayConfig.UpstreamConfig upstream) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest(upstream.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }

  private static TransportLimits limits(GatewayConfig config) {
    var defaults = TransportLimits.defaults();
    var l = config.limits();
    return new TransportLimits(
        l.maxBodyBytes(),
        l.requestTimeout(),
        l.maxConcurrentRequests(),
        defaults.keepAlive(),
        defaults.streamBuffer(),
        l.maxSessions(),
        l.bodyTimeout());
  }

  private static SessionStore sessionStore(GatewayConfig config, Environment env) {
    var idle = config.limits().sessionIdleTimeout();
    if (config.redis().isEmpty()) {
      return InMemorySessionStore.withSweeper(idle, EVENTS_PER_SESSION);
    }
    return new RedisSessionStore(
        config.redis().get().uri(env),
        config.server().redisPrefix() + "sessions:",
        idle,
        EVENTS_PER_SESSION,
        Duration.ofSeconds(2));
  }

  /**
   * The upstream for {@code u}; empty for transport {@code none} (aggregation only). Stdio and
   * Streamable HTTP upstreams may speak only the stateless 2026-07-28 ({@link StatelessUpstream}).
   */
  static Optional<Upstream> upstream(GatewayConfig.UpstreamConfig u, ForwardedHeaders forwarded) {
    return switch (u.transport()) {
      case STDIO ->
          Optional.of(
              StatelessUpstream.forVersion(
                  u.protocolVersion(),
                  u.command().isEmpty()
                      ? new FifoUpstream(Path.of(u.fifoDir()), Backoff.standard())
                      : new StdioProcessUpstream(u.command(), Backoff.standard())));
      case STREAMABLE_HTTP ->
          Optional.of(
              StatelessUpstream.forVersion(
                  u.protocolVersion(),
                  new StreamableHttpUpstream(
                      URI.create(u.url().orElseThrow()), Backoff.standard(), forwarded)));
      case SSE ->
          Optional.of(
              new SseUpstream(URI.create(u.url().orElseThrow()), Backoff.standard(), forwarded));
      case NONE -> Optional.empty();
    };
  }

  /**
   * Shuts down gracefully but promptly: new requests get 503, this replica's open GET and legacy
   * SSE streams end (sessions stay in the store, so with Redis a client resumes on another replica
   * with {@code Last-Event-ID}), requests in flight get up to {@link #GRACE_PERIOD} to finish; then
   * the server, the upstream and the session store stop.
   */
  @Override
  public void close() {
    close(GRACE_PERIOD);
  }

  /** {@link #close()} with another grace period. */
  void close(Duration grace) {
    closing = true;
    try {
      if (!endpoint.drain(grace)) {
        LOG.warn("requests still in flight after {} s: stopping anyway", grace.toSeconds());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    server.stop();
    deadlines.close();
    endpoint.close();
    upstream.ifPresent(UpstreamSwitch::close);
    backend.close();
  }
}
