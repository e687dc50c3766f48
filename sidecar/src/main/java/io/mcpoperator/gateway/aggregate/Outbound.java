package io.mcpoperator.gateway.aggregate;

import io.mcpoperator.gateway.aggregate.limits.InMemoryRateLimiter;
import io.mcpoperator.gateway.aggregate.limits.InMemoryResponseCache;
import io.mcpoperator.gateway.aggregate.limits.RateLimiter;
import io.mcpoperator.gateway.aggregate.limits.RedisLink;
import io.mcpoperator.gateway.aggregate.limits.RedisRateLimiter;
import io.mcpoperator.gateway.aggregate.limits.RedisResponseCache;
import io.mcpoperator.gateway.aggregate.limits.ResponseCache;
import io.mcpoperator.gateway.config.GatewayConfig;
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

  /**
   * What a gateway configuration asks for: with {@code redis}, the response cache and the rate
   * limits are shared through it (local buckets while it is unreachable); without, in memory.
   */
  public static Outbound forGateway(GatewayConfig config) {
    var sender =
        new WebClientSender((int) Math.min(Integer.MAX_VALUE - 1, config.limits().maxBodyBytes()));
    if (config.redis().isEmpty()) {
      return local(sender);
    }
    var link = new RedisLink(config.redis().get().uri(), config.server().redisPrefix());
    return new Outbound(
        sender,
        new RedisResponseCache(link),
        new RedisRateLimiter(link, new InMemoryRateLimiter()),
        name -> Optional.ofNullable(System.getenv(name)),
        new AggregateMetrics());
  }

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
