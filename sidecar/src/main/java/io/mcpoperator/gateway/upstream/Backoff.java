package io.mcpoperator.gateway.upstream;

import java.time.Duration;

/** Exponential reconnect delays, reset after a connection that lived long enough. */
public final class Backoff {
  private final Duration initial;
  private final Duration max;
  private Duration next;

  public Backoff(Duration initial, Duration max) {
    this.initial = initial;
    this.max = max;
    this.next = initial;
  }

  public static Backoff standard() {
    return new Backoff(Duration.ofMillis(200), Duration.ofSeconds(30));
  }

  /** The delay before the next attempt; doubles each time up to the maximum. */
  public synchronized Duration next() {
    Duration current = next;
    Duration doubled = next.multipliedBy(2);
    next = doubled.compareTo(max) > 0 ? max : doubled;
    return current;
  }

  /** A connection lived for {@code uptime}: start over when it was stable. */
  public synchronized void connectionLasted(Duration uptime) {
    if (uptime.compareTo(Duration.ofSeconds(10)) >= 0) {
      next = initial;
    }
  }

  /** Sleeps the next delay. */
  public void pause() throws InterruptedException {
    Thread.sleep(next());
  }
}
