package io.mcpoperator.gateway.config;

import io.lettuce.core.RedisURI;
import jakarta.json.JsonArray;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The gateway configuration (operator → gateway contract, version 1; see docs/architecture.md).
 *
 * @param tools aggregated MCPTools with resolved endpoints (kept raw until aggregation lands)
 * @param auth who may call the gateway (docs/auth.md)
 */
public record GatewayConfig(
    int version,
    ServerRef server,
    int port,
    UpstreamConfig upstream,
    Optional<RedisConfig> redis,
    Limits limits,
    JsonArray tools,
    JsonArray prompts,
    JsonArray resources,
    AuthConfig auth) {

  /** A configuration without authentication. */
  public GatewayConfig(
      int version,
      ServerRef server,
      int port,
      UpstreamConfig upstream,
      Optional<RedisConfig> redis,
      Limits limits,
      JsonArray tools,
      JsonArray prompts,
      JsonArray resources) {
    this(
        version,
        server,
        port,
        upstream,
        redis,
        limits,
        tools,
        prompts,
        resources,
        AuthConfig.none());
  }

  /** Which MCPServer this gateway belongs to (for logs, metrics and Redis keys). */
  public record ServerRef(String namespace, String name) {
    /** The prefix of this server's Redis keys: replicas of one server share them. */
    public String redisPrefix() {
      return "mcp-gateway:" + namespace + "/" + name + ":";
    }
  }

  /** The transports an upstream can speak. */
  public enum Transport {
    STDIO("stdio"),
    STREAMABLE_HTTP("streamable-http"),
    SSE("sse"),
    NONE("none");

    private final String wire;

    Transport(String wire) {
      this.wire = wire;
    }

    public String wire() {
      return wire;
    }

    public static Transport parse(String value) {
      for (Transport t : values()) {
        if (t.wire.equals(value)) {
          return t;
        }
      }
      throw new IllegalArgumentException(
          "upstream.transport must be one of stdio, streamable-http, sse, none; got " + value);
    }
  }

  /**
   * The upstream MCP server.
   *
   * @param command stdio server the gateway spawns itself; when empty, stdio uses the FIFOs
   * @param fifoDir stdio server in the other container: FIFOs {@code in} and {@code out}
   * @param protocolVersion the MCP revision the upstream speaks: empty to negotiate (initialize,
   *     falling back to the stateless 2026-07-28 when the upstream refuses it), a stateless
   *     revision to skip initialize, a session-based one to never fall back
   */
  public record UpstreamConfig(
      Transport transport,
      Optional<String> url,
      List<String> command,
      String fifoDir,
      Optional<String> protocolVersion) {

    /** An upstream whose protocol version is negotiated. */
    public UpstreamConfig(
        Transport transport, Optional<String> url, List<String> command, String fifoDir) {
      this(transport, url, command, fifoDir, Optional.empty());
    }
  }

  /** Redis for shared sessions; the password comes from the environment variable named. */
  public record RedisConfig(String host, int port, String passwordEnv, int database) {
    /** The password: variable {@code passwordEnv} of {@code env}, if set and not empty. */
    public Optional<String> password(Environment env) {
      return env.variable(passwordEnv).filter(p -> !p.isEmpty());
    }

    /** The lettuce URI with the password from {@code env} (a new, mutable one per call). */
    public RedisURI uri(Environment env) {
      var uri = RedisURI.Builder.redis(host, port).withDatabase(database);
      password(env).ifPresent(p -> uri.withPassword(p.toCharArray()));
      return uri.build();
    }
  }

  /**
   * Limits toward clients.
   *
   * @param rateLimit requests each client may send: per session, per address for clients without
   *     one (2026-07-28, initialize)
   */
  public record Limits(
      Duration requestTimeout,
      int maxConcurrentRequests,
      long maxBodyBytes,
      List<String> allowedOrigins,
      Duration sessionIdleTimeout,
      Optional<RateLimit> rateLimit,
      Duration headerTimeout,
      int maxSessions,
      Duration bodyTimeout) {

    /** The longest a request head may take to arrive when not configured (slowloris bound). */
    public static final Duration DEFAULT_HEADER_TIMEOUT = Duration.ofSeconds(10);

    /** Sessions one replica holds at most when not configured. */
    public static final int DEFAULT_MAX_SESSIONS = 10_000;

    /** The longest a request body the gateway reads may take to arrive when not configured. */
    public static final Duration DEFAULT_BODY_TIMEOUT = Duration.ofSeconds(30);

    /** Limits with the default header and body timeouts and session cap. */
    public Limits(
        Duration requestTimeout,
        int maxConcurrentRequests,
        long maxBodyBytes,
        List<String> allowedOrigins,
        Duration sessionIdleTimeout,
        Optional<RateLimit> rateLimit) {
      this(
          requestTimeout,
          maxConcurrentRequests,
          maxBodyBytes,
          allowedOrigins,
          sessionIdleTimeout,
          rateLimit,
          DEFAULT_HEADER_TIMEOUT,
          DEFAULT_MAX_SESSIONS,
          DEFAULT_BODY_TIMEOUT);
    }
  }

  /** A token bucket: refills {@code requestsPerMinute}, holds at most {@code burst}. */
  public record RateLimit(int requestsPerMinute, int burst) {}
}
