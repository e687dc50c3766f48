package io.mcpoperator.gateway.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BackoffTest {

  @Test
  void stepsDoubleUpToTheMaximumEachDelayBetweenHalfItsStepAndTheWholeStep() {
    var lowest = new Backoff(Duration.ofMillis(200), Duration.ofSeconds(1), () -> 0.0);
    var highest = new Backoff(Duration.ofMillis(200), Duration.ofSeconds(1), () -> 0.999_999);

    assertThat(IntStream.range(0, 5).mapToObj(i -> lowest.next().toMillis()).toList())
        .containsExactly(100L, 200L, 400L, 500L, 500L);
    assertThat(IntStream.range(0, 5).mapToObj(i -> highest.next().toMillis()).toList())
        .containsExactly(199L, 399L, 799L, 999L, 999L);
  }

  @Test
  void replicasThatLostTheUpstreamTogetherDoNotRetryInStep() {
    List<Duration> firstDelays =
        IntStream.range(0, 20).mapToObj(i -> Backoff.standard().next()).toList();

    assertThat(new HashSet<>(firstDelays))
        .as("distinct first delays of 20 replicas")
        .hasSizeGreaterThan(10);
    assertThat(firstDelays)
        .allSatisfy(d -> assertThat(d).isBetween(Duration.ofMillis(100), Duration.ofMillis(200)));
  }

  @Test
  void aStableConnectionStartsTheStepsOver() {
    var backoff = new Backoff(Duration.ofMillis(200), Duration.ofSeconds(30), () -> 0.0);
    backoff.next();
    backoff.next();
    backoff.connectionLasted(Duration.ofSeconds(3));
    assertThat(backoff.next()).isEqualTo(Duration.ofMillis(400));
    backoff.connectionLasted(Duration.ofSeconds(10));
    assertThat(backoff.next()).isEqualTo(Duration.ofMillis(100));
  }
}
