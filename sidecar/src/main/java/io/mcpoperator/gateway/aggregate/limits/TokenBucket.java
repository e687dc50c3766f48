package io.mcpoperator.gateway.aggregate.limits;

import java.time.Duration;

/**
 * Token-bucket arithmetic, shared by the in-memory limiter and (as Lua) the Redis one: a bucket
 * holds at most {@code burst} tokens and gains {@code requestsPerMinute / 60000} per millisecond; a
 * call takes one.
 *
 * @param tokens tokens available at {@code atMillis}
 */
public record TokenBucket(double tokens, long atMillis) {

  /** A full bucket. */
  public static TokenBucket full(int burst, long nowMillis) {
    return new TokenBucket(burst, nowMillis);
  }

  /** The bucket after taking a token at {@code nowMillis}, and whether there was one. */
  public Take take(int requestsPerMinute, int burst, long nowMillis) {
    double perMilli = requestsPerMinute / 60_000.0;
    long elapsed = Math.max(0, nowMillis - atMillis);
    double available = Math.min(burst, tokens + elapsed * perMilli);
    if (available >= 1) {
      return new Take(new TokenBucket(available - 1, nowMillis), Duration.ZERO);
    }
    long waitMillis = (long) Math.ceil((1 - available) / perMilli);
    return new Take(new TokenBucket(available, nowMillis), Duration.ofMillis(waitMillis));
  }

  /**
   * The outcome of {@link #take}.
   *
   * @param retryAfter zero when allowed, else how long until a token is there
   */
  public record Take(TokenBucket bucket, Duration retryAfter) {
    public boolean allowed() {
      return retryAfter.isZero();
    }
  }
}
