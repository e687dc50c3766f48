package io.mcpoperator.gateway.config;

import io.mcpoperator.gateway.config.GatewayConfig.Limits;
import io.mcpoperator.gateway.config.GatewayConfig.RateLimit;
import io.mcpoperator.gateway.config.GatewayConfig.RedisConfig;
import io.mcpoperator.gateway.config.GatewayConfig.ServerRef;
import io.mcpoperator.gateway.config.GatewayConfig.Transport;
import io.mcpoperator.gateway.config.GatewayConfig.UpstreamConfig;
import io.mcpoperator.mcp.McpProtocol;
import io.mcpoperator.mcp.jsonrpc.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Reads the gateway configuration JSON. Unknown fields are ignored, missing ones take the
 * contract's defaults, wrong ones fail with a message naming the field.
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
    if (!(value instanceof JsonObject root)) {
      throw new IllegalArgumentException("gateway configuration must be a JSON object");
    }
    int version = integer(root, "", "version", 1);
    if (version != 1) {
      throw new IllegalArgumentException("unsupported gateway configuration version " + version);
    }
    JsonObject server = object(root, "server");
    JsonObject listen = object(root, "listen");
    return new GatewayConfig(
        version,
        new ServerRef(string(server, "namespace").orElse(""), string(server, "name").orElse("")),
        port(integer(listen, "listen.", "port", DEFAULT_PORT), "listen.port"),
        upstream(object(root, "upstream")),
        redis(root.get("redis")),
        limits(object(root, "limits")),
        array(root, "tools"),
        array(root, "prompts"),
        array(root, "resources"));
  }

  /** The configuration with every default (a gateway with no upstream). */
  public static GatewayConfig defaults() {
    return parse("{}");
  }

  private static UpstreamConfig upstream(JsonObject u) {
    Transport transport = Transport.parse(string(u, "transport").orElse("stdio"));
    Optional<String> url = string(u, "url");
    if ((transport == Transport.STREAMABLE_HTTP || transport == Transport.SSE) && url.isEmpty()) {
      throw new IllegalArgumentException(
          "upstream.url is required for transport " + transport.wire());
    }
    List<String> command =
        array(u, "command").stream()
            .map(v -> v instanceof JsonString s ? s.getString() : v.toString())
            .toList();
    return new UpstreamConfig(
        transport,
        url,
        command,
        string(u, "fifoDir").orElse(DEFAULT_FIFO_DIR),
        protocolVersion(transport, u.get("protocolVersion"), "upstream.protocolVersion"));
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

  private static Optional<RedisConfig> redis(JsonValue value) {
    if (!(value instanceof JsonObject r)) {
      return Optional.empty();
    }
    return Optional.of(
        new RedisConfig(
            string(r, "host")
                .orElseThrow(() -> new IllegalArgumentException("redis.host is required")),
            port(integer(r, "redis.", "port", 6379), "redis.port"),
            string(r, "passwordEnv").orElse("MCP_GATEWAY_REDIS_PASSWORD"),
            integer(r, "redis.", "database", 0)));
  }

  private static Limits limits(JsonObject l) {
    return new Limits(
        Duration.ofMillis(
            positive(integer(l, "limits.", "requestTimeoutMs", 30_000), "limits.requestTimeoutMs")),
        positive(
            integer(l, "limits.", "maxConcurrentRequests", 100), "limits.maxConcurrentRequests"),
        positive(integer(l, "limits.", "maxBodyBytes", 4 * 1024 * 1024), "limits.maxBodyBytes"),
        array(l, "allowedOrigins").stream()
            .map(v -> v instanceof JsonString s ? s.getString() : v.toString())
            .toList(),
        Duration.ofSeconds(
            positive(
                integer(l, "limits.", "sessionIdleTimeoutSeconds", 1800),
                "limits.sessionIdleTimeoutSeconds")),
        rateLimit(l.get("rateLimit")),
        Duration.ofMillis(
            positive(
                integer(
                    l,
                    "limits.",
                    "headerTimeoutMs",
                    (int) Limits.DEFAULT_HEADER_TIMEOUT.toMillis()),
                "limits.headerTimeoutMs")),
        positive(
            integer(l, "limits.", "maxSessions", Limits.DEFAULT_MAX_SESSIONS),
            "limits.maxSessions"),
        Duration.ofMillis(
            positive(
                integer(
                    l, "limits.", "bodyTimeoutMs", (int) Limits.DEFAULT_BODY_TIMEOUT.toMillis()),
                "limits.bodyTimeoutMs")));
  }

  /** {@code {"requestsPerMinute": N, "burst": M}} (burst defaults to N) or null. */
  private static Optional<RateLimit> rateLimit(JsonValue value) {
    if (value == null || value == JsonValue.NULL) {
      return Optional.empty();
    }
    if (!(value instanceof JsonObject r)) {
      throw new IllegalArgumentException(
          "limits.rateLimit must be an object or null, got " + value);
    }
    if (!r.containsKey("requestsPerMinute") || r.isNull("requestsPerMinute")) {
      throw new IllegalArgumentException("limits.rateLimit.requestsPerMinute is required");
    }
    int perMinute =
        positive(
            integer(r, "limits.rateLimit.", "requestsPerMinute", 0),
            "limits.rateLimit.requestsPerMinute");
    int burst =
        positive(integer(r, "limits.rateLimit.", "burst", perMinute), "limits.rateLimit.burst");
    return Optional.of(new RateLimit(perMinute, burst));
  }

  private static JsonObject object(JsonObject o, String name) {
    JsonValue v = o.get(name);
    return v instanceof JsonObject obj ? obj : JsonValue.EMPTY_JSON_OBJECT;
  }

  private static JsonArray array(JsonObject o, String name) {
    JsonValue v = o.get(name);
    return v instanceof JsonArray a ? a : JsonValue.EMPTY_JSON_ARRAY;
  }

  private static Optional<String> string(JsonObject o, String name) {
    return o.get(name) instanceof JsonString s ? Optional.of(s.getString()) : Optional.empty();
  }

  private static int integer(JsonObject o, String where, String name, int fallback) {
    JsonValue v = o.get(name);
    if (v == null || v == JsonValue.NULL) {
      return fallback;
    }
    if (v instanceof JsonNumber n && n.isIntegral()) {
      try {
        return n.intValueExact();
      } catch (ArithmeticException e) {
        throw new IllegalArgumentException(where + name + " is out of range, got " + v, e);
      }
    }
    throw new IllegalArgumentException(where + name + " must be an integer, got " + v);
  }

  private static int positive(int value, String name) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be positive, got " + value);
    }
    return value;
  }

  private static int port(int value, String name) {
    if (value < 0 || value > 65535) {
      throw new IllegalArgumentException(name + " must be a port number, got " + value);
    }
    return value;
  }
}
