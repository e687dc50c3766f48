package io.mcpoperator.operator.api;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * {@code spec.config}: limits the gateway enforces for clients of this server.
 *
 * @param requestTimeout {@code requestTimeout}: how long one request may take (cancels upstream
 *     work)
 * @param maxConcurrentRequests {@code maxConcurrentRequests}: per gateway replica
 * @param maxBodyBytes {@code maxBodySize} (a quantity such as {@code 4Mi}) in bytes
 * @param allowedOrigins {@code allowedOrigins}: browser origins accepted besides localhost
 * @param sessionIdleTimeout {@code sessionIdleTimeout}: a session unused this long ends
 * @param rateLimit {@code rateLimit}: per-client request rate, if limited
 */
public record GatewayConfigSpec(
    Duration requestTimeout,
    int maxConcurrentRequests,
    long maxBodyBytes,
    List<String> allowedOrigins,
    Duration sessionIdleTimeout,
    Optional<RateLimit> rateLimit) {

  public GatewayConfigSpec {
    allowedOrigins = List.copyOf(allowedOrigins);
  }

  /**
   * {@code spec.config.rateLimit}: sustained requests per minute and the burst allowed above it.
   */
  public record RateLimit(int requestsPerMinute, int burst) {

    /**
     * Reads the optional {@code rateLimit} object under {@code parent} ({@code spec.config} of an
     * MCPServer, {@code spec} of an MCPTool); burst defaults to requestsPerMinute.
     */
    static Optional<RateLimit> read(JsonFields parent, String parentPath) {
      if (!parent.has("rateLimit")) {
        return Optional.empty();
      }
      JsonFields limit = parent.nested("rateLimit");
      if (!limit.has("requestsPerMinute")) {
        throw limit.invalid(
            "requestsPerMinute", "is required when " + parentPath + ".rateLimit is set");
      }
      int perMinute = (int) limit.integer("requestsPerMinute", 0, 1, 1_000_000);
      int burst = (int) limit.integer("burst", perMinute, 1, 1_000_000);
      return Optional.of(new RateLimit(perMinute, burst));
    }
  }

  /** The values used when {@code spec.config} (or a field of it) is absent. */
  public static GatewayConfigSpec defaults() {
    return new GatewayConfigSpec(
        Duration.ofSeconds(30),
        100,
        4L * 1024 * 1024,
        List.of(),
        Duration.ofMinutes(30),
        Optional.empty());
  }
}
