package io.mcpoperator.mcp.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DeadlinesTest {
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
  private final Deadlines deadlines = new Deadlines(timer);
  private final List<String> fired = new CopyOnWriteArrayList<>();

  @AfterEach
  void stop() {
    timer.shutdownNow();
  }

  @Test
  void aRequestStillWatchedAtItsDeadlineTimesOutAndOneForgottenDoesNot() throws Exception {
    var done = new CountDownLatch(1);
    deadlines.watch("answered", Duration.ofMillis(10), () -> fired.add("answered"));
    deadlines.forget("answered");
    deadlines.watch(
        "slow",
        Duration.ofMillis(20),
        () -> {
          fired.add("slow");
          done.countDown();
        });

    done.await();

    assertThat(fired).containsExactly("slow");
  }

  @Test
  void watchingAgainAfterEverythingTimedOutStillTimesOut() throws Exception {
    var first = new CountDownLatch(1);
    deadlines.watch(
        "first",
        Duration.ofMillis(5),
        () -> {
          fired.add("first");
          first.countDown();
        });
    first.await();
    var second = new CountDownLatch(1);

    deadlines.watch(
        "second",
        Duration.ofMillis(5),
        () -> {
          fired.add("second");
          second.countDown();
        });
    second.await();

    assertThat(fired).containsExactly("first", "second");
  }
}
