package io.mcpoperator.operator.desired;

import com.google.gson.JsonObject;
import java.util.List;

/**
 * The gateway configuration document as typed values, one record per JSON object of the contract
 * ({@code contracts/gateway-config.schema.json}); Gson writes them field by field in declaration
 * order, {@code null} as JSON {@code null}. Fields the contract leaves out in some cases (the
 * upstream's {@code url} or {@code fifoDir}, Redis's {@code passwordEnv}) are separate record types
 * rather than nulls. {@code auth} ({@code $defs/auth}) is the JSON {@link GatewayAuth} builds, or
 * {@code null} (left out of the text) when the server has no check.
 */
public record GatewayConfigDocument(
    int version,
    Server server,
    Listen listen,
    Upstream upstream,
    Redis redis,
    Limits limits,
    List<JsonObject> tools,
    List<JsonObject> prompts,
    List<JsonObject> resources,
    JsonObject auth) {

  /** The contract version this operator writes. */
  public static final int VERSION = 1;

  public GatewayConfigDocument {
    tools = List.copyOf(tools);
    prompts = List.copyOf(prompts);
    resources = List.copyOf(resources);
  }

  /** The MCPServer the gateway belongs to. */
  public record Server(String namespace, String name) {}

  /** The gateway's own port. */
  public record Listen(int port) {}

  /** The upstream MCP server: HTTP, stdio through the FIFOs, or none (aggregation only). */
  public sealed interface Upstream {
    String transport();
  }

  /** {@code streamable-http} or {@code sse} at {@code url}. */
  public record HttpUpstream(String transport, String url) implements Upstream {}

  /** {@code stdio} in the other container, through the FIFOs in {@code fifoDir}. */
  public record StdioUpstream(String transport, String fifoDir) implements Upstream {}

  /** {@code none}: the gateway serves only aggregated items. */
  public record NoUpstream(String transport) implements Upstream {
    public NoUpstream() {
      this("none");
    }
  }

  /** Redis for shared sessions, cache and rate limits; {@code null} in the document when unset. */
  public sealed interface Redis {}

  /** Redis without a password. */
  public record OpenRedis(String host, int port, int database) implements Redis {}

  /**
   * Redis whose password is in the gateway container's environment variable {@code passwordEnv}.
   */
  public record SecuredRedis(String host, int port, String passwordEnv, int database)
      implements Redis {}

  /** Limits toward clients; {@code rateLimit} is {@code null} when unset. */
  public record Limits(
      long requestTimeoutMs,
      int maxConcurrentRequests,
      long maxBodyBytes,
      List<String> allowedOrigins,
      long sessionIdleTimeoutSeconds,
      RateLimit rateLimit) {
    public Limits {
      allowedOrigins = List.copyOf(allowedOrigins);
    }
  }

  /** A token bucket. */
  public record RateLimit(int requestsPerMinute, int burst) {}
}
