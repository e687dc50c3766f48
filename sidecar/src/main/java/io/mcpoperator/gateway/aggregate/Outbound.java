package io.mcpoperator.gateway.aggregate;

import io.mcpoperator.gateway.aggregate.limits.InMemoryRateLimiter;
import io.mcpoperator.gateway.aggregate.limits.InMemoryResponseCache;
import io.mcpoperator.gateway.aggregate.limits.RateLimiter;
import io.mcpoperator.gateway.aggregate.limits.ResponseCache;
import java.util.Optional;
import java.util.function.Function;

/**
 * The outbound side of aggregated calls: HTTP, response cache, rate limits, environment, metrics.
 *
 * @param env reads the gateway container's environment (Secret headers)
 */
public record Outbound(
    HttpSender sender,
    ResponseCache cache,
    RateLimiter rateLimiter,
    Function<String, Optional<String>> env,
    AggregateMetrics metrics)
    implements AutoCloseable {

  /** In-memory cache and rate limits, the process environment. */
  public static Outbound local(HttpSender sender) {
    return new Outbound(
        sender,
        new InMemoryResponseCache(10_000),
        new InMemoryRateLimiter(),
        name -> Optional.ofNullable(System.getenv(name)),
        new AggregateMetrics());
  }

  @Override
  public void close() {
    cache.close();
    rateLimiter.close();
  }
}
