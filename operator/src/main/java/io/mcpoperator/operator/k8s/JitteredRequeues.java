package io.mcpoperator.operator.k8s;

import io.kubernetes.client.extended.workqueue.ratelimiter.RateLimiter;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * A work-queue rate limiter that delays each failed item by {@link Backoff} with jitter, counting
 * its failures until the item is forgotten (it reconciled cleanly). client-java's own exponential
 * limiter has no jitter, so many objects that failed together would retry together.
 */
public final class JitteredRequeues<T> implements RateLimiter<T> {

  private final Backoff backoff;
  private final DoubleSupplier random;
  private final Map<T, Integer> failures = new ConcurrentHashMap<>();

  public JitteredRequeues(Backoff backoff) {
    this(backoff, () -> ThreadLocalRandom.current().nextDouble());
  }

  JitteredRequeues(Backoff backoff, DoubleSupplier random) {
    this.backoff = backoff;
    this.random = random;
  }

  @Override
  public Duration when(T item) {
    int count = failures.merge(item, 1, Integer::sum);
    return backoff.delay(count, random.getAsDouble());
  }

  @Override
  public void forget(T item) {
    failures.remove(item);
  }

  @Override
  public int numRequeues(T item) {
    return failures.getOrDefault(item, 0);
  }
}
