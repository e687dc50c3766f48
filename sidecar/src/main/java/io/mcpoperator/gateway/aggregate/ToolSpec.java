package io.mcpoperator.gateway.aggregate;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * An aggregated MCPTool as the operator wrote it into the gateway configuration.
 *
 * @param method HTTP method, upper case (GET, POST, PUT, DELETE, PATCH)
 * @param url the resolved endpoint
 * @param timeout the tool's own timeout; empty: the request timeout applies
 * @param cacheTtl how long a successful result may be served from the cache
 */
public record ToolSpec(
    String name,
    String description,
    String method,
    String url,
    JsonObject inputSchema,
    Optional<JsonObject> outputSchema,
    List<Header> headers,
    Optional<Duration> timeout,
    Optional<Duration> cacheTtl,
    Optional<RateLimit> rateLimit) {

  /** True when the arguments travel as the query string rather than a JSON body. */
  public boolean argumentsInQuery() {
    return method.equals("GET") || method.equals("DELETE");
  }

  /**
   * A header sent with every call: a static value, or the value of an environment variable of the
   * gateway container (set from a Secret).
   */
  public record Header(String name, Optional<String> value, Optional<String> valueEnv) {}

  /** A token bucket: {@code requestsPerMinute} refill, at most {@code burst} at once. */
  public record RateLimit(int requestsPerMinute, int burst) {
    public RateLimit {
      if (requestsPerMinute <= 0) {
        throw new IllegalArgumentException("requestsPerMinute must be positive");
      }
      if (burst <= 0) {
        burst = requestsPerMinute;
      }
    }
  }
}
