package io.mcpoperator.gateway.upstream;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * Exponential reconnect delays with jitter, reset after a connection that lived long enough. The
 * jitter ("equal jitter": each delay between half of its step and the whole step) keeps the
 * replicas that lost the same upstream at the same moment from reconnecting in step.
 */
public final class Backoff {
  private final Duration initial;
  private final Duration max;
  private final DoubleSupplier random;
  private Duration step;

  public Backoff(Duration initial, Duration max) {
    this(initial, max, () -> ThreadLocalRandom.current().nextDouble());
  }

  /**
   * @param random values in [0, 1) that place each delay between half its step and the whole step
   */
  Backoff(Duration initial, Duration max, DoubleSupplier random) {
    this.initial = initial;
    this.max = max;
    this.random = random;
    this.step = initial;
  }

  public static Backoff standard() {
    return new Backoff(Duration.ofMillis(200), Duration.ofSeconds(30));
  }

  /**
   * The delay before the next attempt: the step, which doubles each time up to the maximum, less a
   * random part of up to half of it.
   */
  public synchronized Duration next() {
    Duration current = step;
    Duration doubled = step.multipliedBy(2);
    step = doubled.compareTo(max) > 0 ? max : doubled;
    long half = current.toNanos() / 2;
    return Duration.ofNanos(half + (long) ((current.toNanos() - half) * random.getAsDouble()));
  }

  /** A connection lived for {@code uptime}: start over when it was stable. */
  public synchronized void connectionLasted(Duration uptime) {
    if (uptime.compareTo(Duration.ofSeconds(10)) >= 0) {
      step = initial;
    }
  }

  /** Sleeps the next delay. */
  public void pause() throws InterruptedException {
    Thread.sleep(next());
  }
}
