package io.mcpoperator.mcp.transport;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Graceful shutdown of one endpoint. Once draining, new HTTP requests are refused, the open SSE
 * streams of this replica end (their sessions stay in the store, so a client resumes with {@code
 * Last-Event-ID} on another replica), and {@link #drain} waits for the requests in flight.
 */
final class Drain {
  private static final long RECHECK_MILLIS = 50;
  private final Map<StreamConnection, BooleanSupplier> streams = new ConcurrentHashMap<>();
  private final Object lock = new Object();
  private int active;
  private volatile boolean draining;

  /** Counts an HTTP request in; false (and not counted) once draining. */
  boolean enter() {
    synchronized (lock) {
      if (draining) {
        return false;
      }
      active++;
      return true;
    }
  }

  /** Counts a request out. */
  void exit() {
    synchronized (lock) {
      active--;
      lock.notifyAll();
    }
  }

  /**
   * Follows an open stream so that draining ends it once {@code idle} says nothing more is due on
   * it (a legacy SSE stream still carries the answers to requests in flight).
   */
  void opened(StreamConnection connection, BooleanSupplier idle) {
    streams.put(connection, idle);
    if (draining && idle.getAsBoolean()) {
      connection.onClosed();
    }
  }

  void closed(StreamConnection connection) {
    streams.remove(connection);
  }

  /**
   * Refuses new requests, ends the open streams and waits up to {@code max} for the requests in
   * flight; streams still busy at the deadline are ended anyway.
   *
   * @return true when nothing was left running
   */
  boolean drain(Duration max) throws InterruptedException {
    draining = true;
    long deadline = System.nanoTime() + max.toNanos();
    synchronized (lock) {
      while (true) {
        endIdleStreams(false);
        if (active == 0) {
          return true;
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          endIdleStreams(true);
          return false;
        }
        TimeUnit.NANOSECONDS.timedWait(
            lock, Math.min(left, TimeUnit.MILLISECONDS.toNanos(RECHECK_MILLIS)));
      }
    }
  }

  boolean draining() {
    return draining;
  }

  private void endIdleStreams(boolean all) {
    streams.forEach(
        (connection, idle) -> {
          if (all || idle.getAsBoolean()) {
            connection.onClosed();
          }
        });
  }
}
