package io.mcpoperator.mcp.transport;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The concurrency permits ({@code maxConcurrentRequests}) one POST holds, one per request, taken
 * under one settings snapshot: each is returned when its request's final answer is sent, and those
 * of requests that never started are returned when dispatching fails. Never returns more than it
 * took.
 */
final class Permits {
  private final TransportSettings.Snapshot settings;
  private final int taken;
  private final AtomicInteger held;

  Permits(TransportSettings.Snapshot settings, int taken) {
    this.settings = settings;
    this.taken = taken;
    this.held = new AtomicInteger(taken);
  }

  /** The settings the permits were taken under; the POST is served under them. */
  TransportSettings.Snapshot settings() {
    return settings;
  }

  /** {@code outbox}, returning one permit with each request's final answer. */
  Outbox releasingOnLast(Outbox outbox) {
    return (message, last) -> {
      if (last) {
        release(1);
      }
      outbox.send(message, last);
    };
  }

  /** Returns the permits of the requests beyond the first {@code started}, which never ran. */
  void releaseUnstarted(int started) {
    release(taken - started);
  }

  /** How many permits are still held (for tests). */
  int held() {
    return held.get();
  }

  private void release(int wanted) {
    int released;
    int now;
    do {
      now = held.get();
      released = Math.min(now, Math.max(0, wanted));
    } while (released > 0 && !held.compareAndSet(now, now - released));
    if (released > 0) {
      settings.permits().release(released);
    }
  }
}
