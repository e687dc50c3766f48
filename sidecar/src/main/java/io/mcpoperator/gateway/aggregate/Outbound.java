package io.mcpoperator.gateway.aggregate;

import io.mcpoperator.gateway.aggregate.limits.InMemoryRateLimiter;
import io.mcpoperator.gateway.aggregate.limits.InMemoryResponseCache;
import io.mcpoperator.gateway.aggregate.limits.RateLimiter;
import io.mcpoperator.gateway.aggregate.limits.RedisLink;
import io.mcpoperator.gateway.aggregate.limits.RedisRateLimiter;
import io.mcpoperator.gateway.aggregate.limits.RedisResponseCache;
import io.mcpoperator.gateway.aggregate.limits.ResponseCache;
import io.mcpoperator.gateway.config.Environment;
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
  public static Outbound forGateway(GatewayConfig config, Environment env) {
    var sender =
        new WebClientSender((int) Math.min(Integer.MAX_VALUE - 1, config.limits().maxBodyBytes()));
    if (config.redis().isEmpty()) {
      return local(sender, env);
    }
    var link = new RedisLink(config.redis().get().uri(env), config.server().redisPrefix());
    return new Outbound(
        sender,
        new RedisResponseCache(link),
        new RedisRateLimiter(link, new InMemoryRateLimiter()),
        env::variable,
        new AggregateMetrics());
  }

  /** In-memory cache and rate limits, Secret headers from {@code env}. */
  public static Outbound local(HttpSender sender, Environment env) {
    return new Outbound(
        sender,
        new InMemoryResponseCache(10_000),
        new InMemoryRateLimiter(),
        env::variable,
        new AggregateMetrics());
  }

  @Override
  public void close() {
    cache.close();
    rateLimiter.close();
  }
}
