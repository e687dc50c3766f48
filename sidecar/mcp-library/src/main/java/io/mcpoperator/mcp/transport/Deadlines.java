package io.mcpoperator.mcp.transport;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Timeouts of running requests without a timer task per request: each watched request has a
 * deadline, and one sweep, repeated while anything is watched, runs the actions of those past
 * theirs. A request therefore costs a map insert and removal and no timer-thread wake-up; a timeout
 * fires up to one sweep period (a twentieth of the timeout, 5 ms to 1 s) late.
 */
final class Deadlines {
  private static final long MIN_PERIOD_NANOS = TimeUnit.MILLISECONDS.toNanos(5);
  private static final long MAX_PERIOD_NANOS = TimeUnit.SECONDS.toNanos(1);

  private record Entry(long deadline, Runnable onTimeout) {}

  private final ScheduledExecutorService timer;
  private final Map<Object, Entry> watched = new ConcurrentHashMap<>();
  private final AtomicBoolean sweeping = new AtomicBoolean();
  private volatile long periodNanos = MAX_PERIOD_NANOS;

  Deadlines(ScheduledExecutorService timer) {
    this.timer = timer;
  }

  /** Runs {@code onTimeout} once {@code timeout} has passed, unless {@link #forget} came first. */
  void watch(Object key, Duration timeout, Runnable onTimeout) {
    long nanos = timeout.toNanos();
    periodNanos = Math.clamp(nanos / 20, MIN_PERIOD_NANOS, MAX_PERIOD_NANOS);
    watched.put(key, new Entry(System.nanoTime() + nanos, onTimeout));
    if (sweeping.compareAndSet(false, true)) {
      schedule();
    }
  }

  void forget(Object key) {
    watched.remove(key);
  }

  private void schedule() {
    try {
      timer.schedule(this::sweep, periodNanos, TimeUnit.NANOSECONDS);
    } catch (java.util.concurrent.RejectedExecutionException e) {
      sweeping.set(false);
    }
  }

  private void sweep() {
    long now = System.nanoTime();
    watched.forEach(
        (key, entry) -> {
          if (now - entry.deadline() >= 0 && watched.remove(key, entry)) {
            entry.onTimeout().run();
          }
        });
    if (!watched.isEmpty()) {
      schedule();
      return;
    }
    sweeping.set(false);
    if (!watched.isEmpty() && sweeping.compareAndSet(false, true)) {
      schedule();
    }
  }
}
