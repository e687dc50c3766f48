package io.mcpoperator.gateway.config;

import io.mcpoperator.gateway.config.GatewayConfig.Limits;
import io.mcpoperator.gateway.config.GatewayConfig.RateLimit;
import io.mcpoperator.gateway.config.GatewayConfig.RedisConfig;
import io.mcpoperator.gateway.config.GatewayConfig.ServerRef;
import io.mcpoperator.gateway.config.GatewayConfig.Transport;
import io.mcpoperator.gateway.config.GatewayConfig.UpstreamConfig;
import io.mcpoperator.mcp.McpProtocol;
import io.mcpoperator.mcp.jsonrpc.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Reads the gateway configuration JSON (contracts/gateway-config.schema.json) with {@link Fields}.
 * Unknown fields are ignored, missing or null ones take the contract's defaults, wrong ones fail
 * with a message naming the field.
 */
public final class ConfigLoader {
  public static final int DEFAULT_PORT = 8090;
  public static final String DEFAULT_FIFO_DIR = "/var/run/mcp-stdio";

  private ConfigLoader() {}

  public static GatewayConfig load(Path file) throws IOException {
    return parse(Files.readString(file));
  }

  public static GatewayConfig parse(String text) {
    JsonValue value;
    try {
      value = Json.parse(text);
    } catch (JsonException e) {
      throw new IllegalArgumentException(
          "gateway configuration is not valid JSON: " + e.getMessage(), e);
    }
    if (!(value instanceof JsonObject)) {
      throw new IllegalArgumentException("gateway configuration must be a JSON object");
    }
    Fields root = new Fields(value, "");
    int version = root.optionalInt("version").orElse(1);
    if (version != 1) {
      throw new IllegalArgumentException("unsupported gateway configuration version " + version);
    }
    Fields server = root.fields("server");
    return new GatewayConfig(
        version,
        new ServerRef(
            server.optionalText("namespace").orElse(""), server.optionalText("name").orElse("")),
        root.fields("listen").port("port", DEFAULT_PORT),
        upstream(root.fields("upstream")),
        redis(root),
        limits(root.fields("limits")),
        root.array("tools"),
        root.array("prompts"),
        root.array("resources"),
        AuthConfigReader.read(root));
  }

  /** The configuration with every default (a gateway with no upstream). */
  public static GatewayConfig defaults() {
    return parse("{}");
  }

  private static UpstreamConfig upstream(Fields u) {
    Transport transport = Transport.parse(u.optionalText("transport").orElse("stdio"));
    Optional<String> url = u.optionalText("url");
    if ((transport == Transport.STREAMABLE_HTTP || transport == Transport.SSE) && url.isEmpty()) {
      throw new IllegalArgumentException(
          "upstream.url is required for transport " + transport.wire());
    }
    return new UpstreamConfig(
        transport,
        url,
        u.texts("command"),
        u.optionalText("fifoDir").orElse(DEFAULT_FIFO_DIR),
        protocolVersion(
            transport,
            u.optionalValue("protocolVersion").orElse(JsonValue.NULL),
            "upstream.protocolVersion"));
  }

  /**
   * {@code upstream.protocolVersion}: absent or null to negotiate, else a revision we speak; the
   * stateless one needs an upstream transport that has it (not the legacy HTTP+SSE).
   */
  static Optional<String> protocolVersion(Transport transport, JsonValue value, String name) {
    if (value == null || value == JsonValue.NULL) {
      return Optional.empty();
    }
    if (!(value instanceof JsonString s) || !McpProtocol.supported(s.getString())) {
      throw new IllegalArgumentException(
          name + " must be one of " + McpProtocol.ALL_VERSIONS + ", got " + value);
    }
    if (transport == Transport.SSE && McpProtocol.stateless(s.getString())) {
      throw new IllegalArgumentException(
          name
              + " "
              + s.getString()
              + " needs transport streamable-http or stdio: the legacy sse transport has no"
              + " stateless revision");
    }
    return Optional.of(s.getString());
  }

  private static Optional<RedisConfig> redis(Fields root) {
    if (!root.has("redis")) {
      return Optional.empty();
    }
    Fields r = root.fields("redis");
    return Optional.of(
        new RedisConfig(
            r.optionalText("host")
                .orElseThrow(() -> new IllegalArgumentException("redis.host is required")),
            r.port("port", 6379),
            r.optionalText("passwordEnv").orElse("MCP_GATEWAY_REDIS_PASSWORD"),
            r.optionalInt("database").orElse(0)));
  }

  private static Limits limits(Fields l) {
    return new Limits(
        Duration.ofMillis(l.optionalPositive("requestTimeoutMs").orElse(30_000)),
        l.optionalPositive("maxConcurrentRequests").orElse(100),
        l.optionalPositive("maxBodyBytes").orElse(4 * 1024 * 1024),
        l.texts("allowedOrigins"),
        Duration.ofSeconds(l.optionalPositive("sessionIdleTimeoutSeconds").orElse(1800)),
        rateLimit(l),
        l.millis("headerTimeoutMs").orElse(Limits.DEFAULT_HEADER_TIMEOUT),
        l.optionalPositive("maxSessions").orElse(Limits.DEFAULT_MAX_SESSIONS),
        l.millis("bodyTimeoutMs").orElse(Limits.DEFAULT_BODY_TIMEOUT));
  }

  /** {@code {"requestsPerMinute": N, "burst": M}} (burst defaults to N) or null. */
  private static Optional<RateLimit> rateLimit(Fields limits) {
    if (!limits.has("rateLimit")) {
      return Optional.empty();
    }
    Fields r = limits.fields("rateLimit");
    int perMinute =
        r.optionalPositive("requestsPerMinute")
            .orElseThrow(
                () ->
                    new IllegalArgumentException("limits.rateLimit.requestsPerMinute is required"));
    return Optional.of(new RateLimit(perMinute, r.optionalPositive("burst").orElse(perMinute)));
  }
}
