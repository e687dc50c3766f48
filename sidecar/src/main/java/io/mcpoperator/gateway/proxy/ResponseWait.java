package io.mcpoperator.gateway.proxy;

import io.mcpoperator.mcp.jsonrpc.JsonRpcMessage.Response;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntSupplier;

/**
 * Waits for the upstream's answer to a forwarded request. When the upstream answers fast and only
 * this request is in flight, the waiting thread spins briefly before it parks: the answer then
 * finds it running, which saves a thread wake-up (tens of microseconds on a virtual machine) on
 * every call of a lightly loaded gateway. At most one thread spins at a time, never for longer than
 * {@code maxSpinNanos}, and not at all while recent answers took longer than that (a slow upstream,
 * where a wake-up is noise) or while other requests are in flight (the carrier threads are then
 * better used running them).
 */
final class ResponseWait {
  private final long maxSpinNanos;
  private final IntSupplier inFlight;
  private final AtomicBoolean spinner = new AtomicBoolean();
  private final java.util.concurrent.atomic.LongAdder spins =
      new java.util.concurrent.atomic.LongAdder();
  private volatile long typicalNanos;

  /**
   * @param maxSpinNanos the longest spin (0: never spin)
   * @param inFlight how many forwarded requests are in flight, this one included
   */
  ResponseWait(long maxSpinNanos, IntSupplier inFlight) {
    this.maxSpinNanos = maxSpinNanos;
    this.inFlight = inFlight;
    this.typicalNanos = maxSpinNanos / 2;
  }

  /**
   * The wait for this machine: spins at most {@code maxSpin}, or not at all with one processor —
   * the spinning thread would hold the only carrier, which the answer's own (virtual) reader thread
   * of an HTTP upstream may need.
   */
  static ResponseWait forThisMachine(Duration maxSpin, IntSupplier inFlight) {
    return new ResponseWait(
        Runtime.getRuntime().availableProcessors() > 1 ? maxSpin.toNanos() : 0, inFlight);
  }

  /**
   * The answer of a request sent at {@code sentNanos} ({@link System#nanoTime()}).
   *
   * @throws InterruptedException when the thread is interrupted while parked
   * @throws ExecutionException when the answer completed exceptionally
   */
  Response await(CompletableFuture<Response> answer, long sentNanos)
      throws InterruptedException, ExecutionException {
    long typical = typicalNanos;
    if (!answer.isDone()
        && typical < maxSpinNanos
        && inFlight.getAsInt() <= 1
        && spinner.compareAndSet(false, true)) {
      try {
        spins.increment();
        long until = sentNanos + Math.min(maxSpinNanos, 2 * typical);
        while (!answer.isDone() && System.nanoTime() - until < 0) {
          Thread.onSpinWait();
        }
      } finally {
        spinner.set(false);
      }
    }
    Response response = answer.get();
    long took = System.nanoTime() - sentNanos;
    typicalNanos = typical + (Math.min(took, 4 * maxSpinNanos + 1) - typical) / 8;
    return response;
  }

  /** How many waits spun before parking (for tests). */
  long spins() {
    return spins.sum();
  }

  /** The moving average of recent answer times, in nanoseconds (for tests). */
  long typicalNanos() {
    return typicalNanos;
  }
}
