package io.mcpoperator.operator.k8s;

import java.time.Duration;

/**
 * The operator's one retry delay: exponential from {@code first} up to {@code max}, with "equal
 * jitter" (each delay between half of its step and the whole step) so that the replicas and
 * informers that failed at the same moment do not retry in step. Pure: the caller passes the number
 * of failures so far and a random value in [0, 1).
 *
 * <p>The gateway's reconnect delay ({@code gateway.upstream.Backoff}) uses the same rule; the two
 * programs share no runtime module, so each has its own copy of these few lines.
 */
public record Backoff(Duration first, Duration max) {

  /** Relisting a failing informer: 0.5–1 s, then up to a minute. */
  public static final Backoff RELIST = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60));

  /** Requeueing a failed reconcile: from 5 ms up to about 17 minutes, as client-java's default. */
  public static final Backoff REQUEUE = new Backoff(Duration.ofMillis(5), Duration.ofSeconds(1000));

  public Backoff {
    if (first.isNegative() || first.isZero() || max.compareTo(first) < 0) {
      throw new IllegalArgumentException(
          "backoff needs 0 < first <= max, got " + first + ", " + max);
    }
  }

  /** The step after {@code failures} failures in a row: first, 2×first, … capped at max. */
  public Duration step(int failures) {
    if (failures <= 0) {
      return Duration.ZERO;
    }
    int doublings = Math.min(failures - 1, 62);
    Duration step = first;
    for (int i = 0; i < doublings && step.compareTo(max) < 0; i++) {
      step = step.multipliedBy(2);
    }
    return step.compareTo(max) > 0 ? max : step;
  }

  /**
   * The wait after {@code failures} failures in a row: nothing before the first failure, then
   * between half the step and the whole step.
   *
   * @param random a value in [0, 1)
   */
  public Duration delay(int failures, double random) {
    long step = step(failures).toNanos();
    long half = step / 2;
    return Duration.ofNanos(half + (long) ((step - half) * random));
  }
}
