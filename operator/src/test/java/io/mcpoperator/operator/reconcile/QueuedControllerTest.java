package io.mcpoperator.operator.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubernetes.client.extended.controller.reconciler.Request;
import io.kubernetes.client.extended.workqueue.ratelimiter.RateLimiter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class QueuedControllerTest {

  @Test
  void aFailingObjectIsRequeuedWithAGrowingJitteredDelayUntilItReconcilesCleanly() {
    RateLimiter<Request> limiter = QueuedController.requeueLimiter();
    Request request = new Request("team-a", "github");

    Duration first = limiter.when(request);
    assertThat(first).isBetween(Duration.ofNanos(2_500_000), Duration.ofMillis(5));
    Duration later = Duration.ZERO;
    for (int i = 0; i < 9; i++) {
      later = limiter.when(request);
    }
    // the tenth failure: a step of 5 ms × 2^9 = 2.56 s, jittered down to no less than half of it
    assertThat(later).isBetween(Duration.ofMillis(1_280), Duration.ofMillis(2_560));
    assertThat(limiter.numRequeues(request)).isEqualTo(10);

    limiter.forget(request);
    assertThat(limiter.numRequeues(request)).isZero();
    assertThat(limiter.when(request)).isLessThanOrEqualTo(Duration.ofMillis(5));
  }

  @Test
  void aControllerClosedBeforeItsWorkersAreScheduledEndsQuietly() {
    List<Throwable> uncaught = new CopyOnWriteArrayList<>();
    Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
    Thread.setDefaultUncaughtExceptionHandler((t, e) -> uncaught.add(e));
    try {
      for (int i = 0; i < 20; i++) {
        QueuedController controller =
            new QueuedController("closed-early-" + i, request -> null, 2, () -> true);
        controller.close(); // the worker pool is shut down before run() schedules on it
        controller.start();
        controller.close(); // waits for the controller thread to end
        assertThat(controller.failed()).isFalse();
      }
    } finally {
      Thread.setDefaultUncaughtExceptionHandler(previous);
    }
    assertThat(uncaught).isEmpty();
  }
}
