package io.mcpoperator.operator.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BackoffTest {

  private final Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1));

  @Test
  void noWaitBeforeTheFirstFailure() {
    assertThat(backoff.delay(0, 0.7)).isZero();
  }

  @Test
  void theStepDoublesUpToTheMaximumAndStaysThere() {
    assertThat(IntStream.rangeClosed(1, 7).mapToObj(backoff::step).map(Duration::toMillis))
        .containsExactly(100L, 200L, 400L, 800L, 1_000L, 1_000L, 1_000L);
    assertThat(backoff.step(Integer.MAX_VALUE)).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void eachDelayLiesBetweenHalfItsStepAndTheWholeStep() {
    assertThat(backoff.delay(3, 0.0)).isEqualTo(Duration.ofMillis(200));
    assertThat(backoff.delay(3, 0.5)).isEqualTo(Duration.ofMillis(300));
    assertThat(backoff.delay(3, 0.999_999))
        .isBetween(Duration.ofMillis(399), Duration.ofMillis(400));
  }

  @Test
  void twoRetriesWithDifferentRandomValuesDoNotWaitAlike() {
    assertThat(Backoff.RELIST.delay(4, 0.1)).isNotEqualTo(Backoff.RELIST.delay(4, 0.9));
  }

  @Test
  void aMaximumBelowTheFirstStepIsRefused() {
    assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("first <= max");
    assertThatThrownBy(() -> new Backoff(Duration.ZERO, Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
