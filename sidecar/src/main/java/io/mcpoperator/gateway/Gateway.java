package io.mcpoperator.gateway;

import io.helidon.health.HealthCheckResponse;
import io.helidon.health.HealthCheckType;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http1.Http1Config;
import io.helidon.webserver.observe.ObserveFeature;
import io.helidon.webserver.observe.health.HealthObserver;
import io.helidon.webserver.observe.metrics.MetricsObserver;
import io.mcpoperator.gateway.aggregate.AggregateConfig;
import io.mcpoperator.gateway.aggregate.CompositeBackend;
import io.mcpoperator.gateway.config.GatewayConfig;
import io.mcpoperator.gateway.mcp.McpHttpEndpoint;
import io.mcpoperator.gateway.mcp.session.InMemorySessionStore;
import io.mcpoperator.gateway.mcp.session.SessionStore;
import io.mcpoperator.gateway.mcp.transport.TransportLimits;
import io.mcpoperator.gateway.observe.GatewayMetrics;
import io.mcpoperator.gateway.proxy.ProxyBackend;
import io.mcpoperator.gateway.proxy.UpstreamSession;
import io.mcpoperator.gateway.upstream.Backoff;
import io.mcpoperator.gateway.upstream.FifoUpstream;
import io.mcpoperator.gateway.upstream.SseUpstream;
import io.mcpoperator.gateway.upstream.StdioProcessUpstream;
import io.mcpoperator.gateway.upstream.StreamableHttpUpstream;
import io.mcpoperator.gateway.upstream.Upstream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running gateway: the upstream session (none for an aggregation-only server), the aggregated
 * tools, prompts and resources, the MCP endpoint, health and metrics on one server.
 */
public final class Gateway implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Gateway.class);
  private static final int MAX_HEADERS_BYTES = 256 * 1024;
  private final Optional<UpstreamSession> upstream;
  private final CompositeBackend backend;
  private final McpHttpEndpoint endpoint;
  private final WebServer server;
  private volatile GatewayConfig config;

  private Gateway(GatewayConfig config, String host) {
    this.config = config;
    SessionStore store = sessionStore(config);
    var metrics = new GatewayMetrics(store::size);
    this.upstream =
        upstream(config.upstream())
            .map(u -> new UpstreamSession(u, Duration.ofSeconds(60), metrics));
    this.backend = CompositeBackend.forGateway(config, upstream.map(ProxyBackend::new));
    this.endpoint =
        McpHttpEndpoint.builder()
            .backend(backend)
            .sessionStore(store)
            .limits(limits(config))
            .allowedOrigins(config.limits().allowedOrigins())
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
    this.server =
        WebServer.builder()
            .host(host)
            .port(config.port())
            // base64 kubeconfigs with embedded certificates (X-Kubeconfig) exceed the 16 KiB
            // default
            .addProtocol(Http1Config.builder().maxHeadersSize(MAX_HEADERS_BYTES).build())
            .shutdownGracePeriod(Duration.ofSeconds(10))
            .addFeature(
                ObserveFeature.builder()
                    .addObserver(health)
                    .addObserver(MetricsObserver.create())
                    .build())
            .routing(r -> r.register(endpoint))
            .build();
  }

  /** Starts a gateway for {@code config} listening on {@code host}. */
  public static Gateway start(GatewayConfig config, String host) {
    var gateway = new Gateway(config, host);
    gateway.server.start();
    LOG.info(
        "gateway listening on {}:{} in front of {}",
        host,
        gateway.server.port(),
        gateway.describeUpstream());
    return gateway;
  }

  private String describeUpstream() {
    return upstream.map(u -> u.upstream().describe()).orElse("no upstream (aggregation only)");
  }

  public int port() {
    return server.port();
  }

  public boolean ready() {
    return upstream.map(UpstreamSession::ready).orElse(true);
  }

  /** The upstream session; empty for an aggregation-only server. */
  public Optional<UpstreamSession> upstreamSession() {
    return upstream;
  }

  /**
   * Applies a reloaded configuration: limits and allowed Origins take effect for new requests, the
   * aggregated tools, prompts and resources at once (live sessions get {@code list_changed}). A
   * changed upstream or port needs a restart (the pod's containers are restarted for it).
   */
  public void reload(GatewayConfig next) {
    endpoint.update(limits(next), next.limits().allowedOrigins());
    backend.update(AggregateConfig.of(next));
    if (!next.upstream().equals(config.upstream()) || next.port() != config.port()) {
      LOG.warn("configuration changed the upstream or port; that takes effect on restart");
    }
    config = next;
  }

  private static TransportLimits limits(GatewayConfig config) {
    var defaults = TransportLimits.defaults();
    var l = config.limits();
    return new TransportLimits(
        l.maxBodyBytes(),
        l.requestTimeout(),
        l.maxConcurrentRequests(),
        defaults.keepAlive(),
        defaults.streamBuffer());
  }

  private static SessionStore sessionStore(GatewayConfig config) {
    var idle = config.limits().sessionIdleTimeout();
    if (config.redis().isPresent()) {
      LOG.warn(
          "Redis sessions are not available in this build; using in-memory sessions (single replica)");
    }
    return InMemorySessionStore.withSweeper(idle, 1000);
  }

  /** The upstream for {@code u}; empty for transport {@code none} (aggregation only). */
  static Optional<Upstream> upstream(GatewayConfig.UpstreamConfig u) {
    return switch (u.transport()) {
      case STDIO ->
          Optional.of(
              u.command().isEmpty()
                  ? new FifoUpstream(Path.of(u.fifoDir()), Backoff.standard())
                  : new StdioProcessUpstream(u.command(), Backoff.standard()));
      case STREAMABLE_HTTP ->
          Optional.of(
              new StreamableHttpUpstream(URI.create(u.url().orElseThrow()), Backoff.standard()));
      case SSE ->
          Optional.of(new SseUpstream(URI.create(u.url().orElseThrow()), Backoff.standard()));
      case NONE -> Optional.empty();
    };
  }

  /** Stops accepting, lets in-flight requests finish (grace period), then stops the upstream. */
  @Override
  public void close() {
    server.stop();
    endpoint.close();
    upstream.ifPresent(UpstreamSession::close);
    backend.close();
  }
}
