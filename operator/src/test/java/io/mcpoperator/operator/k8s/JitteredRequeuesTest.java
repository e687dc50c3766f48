package io.mcpoperator.operator.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class JitteredRequeuesTest {

  private final JitteredRequeues<String> requeues =
      new JitteredRequeues<>(new Backoff(Duration.ofMillis(10), Duration.ofSeconds(1)), () -> 0.0);

  @Test
  void eachFailureOfAnItemWaitsLongerAndOtherItemsAreCountedApart() {
    assertThat(requeues.when("a")).isEqualTo(Duration.ofMillis(5));
    assertThat(requeues.when("a")).isEqualTo(Duration.ofMillis(10));
    assertThat(requeues.when("a")).isEqualTo(Duration.ofMillis(20));
    assertThat(requeues.when("b")).isEqualTo(Duration.ofMillis(5));
    assertThat(requeues.numRequeues("a")).isEqualTo(3);
    assertThat(requeues.numRequeues("b")).isEqualTo(1);
  }

  @Test
  void aForgottenItemStartsOverFromTheFirstStep() {
    requeues.when("a");
    requeues.when("a");
    requeues.forget("a");
    assertThat(requeues.numRequeues("a")).isZero();
    assertThat(requeues.when("a")).isEqualTo(Duration.ofMillis(5));
  }

  @Test
  void theQueueLimiterJittersAndNeverWaitsLongerThanTheStep() {
    JitteredRequeues<String> real = new JitteredRequeues<>(Backoff.REQUEUE);
    for (int i = 1; i <= 20; i++) {
      assertThat(real.when("x"))
          .isBetween(Backoff.REQUEUE.step(i).dividedBy(2), Backoff.REQUEUE.step(i));
    }
  }
}
