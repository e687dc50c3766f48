package io.mcpoperator.operator.reconcile;

import io.kubernetes.client.extended.controller.DefaultController;
import io.kubernetes.client.extended.controller.reconciler.Reconciler;
import io.kubernetes.client.extended.controller.reconciler.Request;
import io.kubernetes.client.extended.workqueue.DefaultRateLimitingQueue;
import io.kubernetes.client.extended.workqueue.RateLimitingQueue;
import io.kubernetes.client.extended.workqueue.ratelimiter.BucketRateLimiter;
import io.kubernetes.client.extended.workqueue.ratelimiter.MaxOfRateLimiter;
import io.kubernetes.client.extended.workqueue.ratelimiter.RateLimiter;
import io.mcpoperator.operator.k8s.Backoff;
import io.mcpoperator.operator.k8s.JitteredRequeues;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;

/**
 * A rate-limited work queue (jittered exponential backoff on requeue) drained by workers on virtual
 * threads through one {@link Reconciler}. Equal requests queued before a worker takes them run
 * once.
 */
final class QueuedController implements AutoCloseable {

  private static final Duration READY_TIMEOUT = Duration.ofMinutes(10);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);

  private final String name;
  private final ExecutorService queueExecutor;
  private final RateLimitingQueue<Request> queue;
  private final DefaultController controller;
  private volatile Thread thread;
  private volatile boolean closed;

  @SuppressWarnings("unchecked") // DefaultController takes its ready functions as varargs
  QueuedController(String name, Reconciler reconciler, int workers, Supplier<Boolean> synced) {
    this.name = name;
    this.queueExecutor =
        Executors.newSingleThreadExecutor(Thread.ofVirtual().name(name + "-queue").factory());
    this.queue = new DefaultRateLimitingQueue<>(queueExecutor, requeueLimiter());
    controller = new DefaultController(name, reconciler, queue, synced::get);
    controller.setWorkerCount(workers);
    controller.setWorkerThreadPool(
        Executors.newScheduledThreadPool(
            workers, Thread.ofVirtual().name(name + "-reconcile-", 0).factory()));
    controller.setReadyTimeout(READY_TIMEOUT);
  }

  /**
   * client-java's default controller limiter with the per-item exponential part replaced by the
   * operator's jittered {@link Backoff#REQUEUE}: the larger of that and the same overall bucket
   * (100 at once, then 10 more per minute).
   */
  static RateLimiter<Request> requeueLimiter() {
    return new MaxOfRateLimiter<>(
        new JitteredRequeues<>(Backoff.REQUEUE),
        new BucketRateLimiter<>(100, 10, Duration.ofMinutes(1)));
  }

  void enqueue(Request request) {
    queue.add(request);
  }

  /** Starts the workers; returns at once. They wait for the caches before the first reconcile. */
  synchronized void start() {
    thread = Thread.ofVirtual().name(name + "-controller").start(this::run);
  }

  /**
   * Runs the controller until it is shut down. A close that comes before the controller has
   * scheduled its workers makes the terminated worker pool refuse them; that is the shutdown the
   * caller asked for, not a failure, so it ends the thread quietly.
   */
  private void run() {
    try {
      controller.run();
    } catch (RejectedExecutionException e) {
      if (!closed) {
        throw e;
      }
    }
  }

  /** True when the controller stopped on its own (its caches never synced). */
  boolean failed() {
    Thread t = thread;
    return !closed && t != null && !t.isAlive();
  }

  @Override
  public synchronized void close() {
    closed = true;
    controller.shutdown();
    queue.shutDown();
    queueExecutor.shutdownNow();
    Thread t = thread;
    if (t != null) {
      try {
        t.join(STOP_TIMEOUT); // a bounded wait: the controller's workers end with the queue
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
