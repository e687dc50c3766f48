package io.mcpoperator.gateway.aggregate.limits;

import java.time.Duration;

/** Token buckets by key (tool and client session). */
public interface RateLimiter extends AutoCloseable {

  /**
   * Takes a token from the bucket {@code key}.
   *
   * @return zero when allowed, else how long the caller should wait
   */
  Duration acquire(String key, int requestsPerMinute, int burst);

  @Override
  default void close() {}
}
