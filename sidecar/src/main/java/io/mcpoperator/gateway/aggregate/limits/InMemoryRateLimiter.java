package io.mcpoperator.gateway.aggregate.limits;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Token buckets in this replica's memory (a limit per replica). Buckets that have refilled are
 * dropped when the map grows, so idle sessions cost nothing.
 */
public final class InMemoryRateLimiter implements RateLimiter {
  private static final int SWEEP_ABOVE = 10_000;
  private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();
  private final LongSupplier clockMillis;

  public InMemoryRateLimiter() {
    this(System::currentTimeMillis);
  }

  public InMemoryRateLimiter(LongSupplier clockMillis) {
    this.clockMillis = clockMillis;
  }

  @Override
  public Duration acquire(String key, int requestsPerMinute, int burst) {
    long now = clockMillis.getAsLong();
    if (buckets.size() > SWEEP_ABOVE) {
      long refill = (long) Math.ceil(burst * 60_000.0 / requestsPerMinute);
      buckets.values().removeIf(b -> now - b.atMillis() > refill);
    }
    var result = new Duration[1];
    buckets.compute(
        key,
        (k, bucket) -> {
          var take =
              (bucket == null ? TokenBucket.full(burst, now) : bucket)
                  .take(requestsPerMinute, burst, now);
          result[0] = take.retryAfter();
          return take.bucket();
        });
    return result[0];
  }
}
