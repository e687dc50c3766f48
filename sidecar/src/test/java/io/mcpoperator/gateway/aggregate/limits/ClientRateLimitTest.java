package io.mcpoperator.gateway.aggregate.limits;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcpoperator.gateway.config.GatewayConfig.RateLimit;
import io.mcpoperator.mcp.transport.RequestThrottle.Refusal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ClientRateLimitTest {
  private final AtomicLong millis = new AtomicLong(1_000);

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("no limit admits everything", Optional.empty(), 5, List.of()),
        Arguments.of(
            "a burst of 2 refuses the third",
            Optional.of(new RateLimit(60, 2)),
            3,
            List.of(Duration.ofSeconds(1))),
        Arguments.of(
            "a slow refill makes the client wait longer",
            Optional.of(new RateLimit(6, 1)),
            3,
            List.of(Duration.ofSeconds(10), Duration.ofSeconds(10))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void refusesWhatTheBucketDoesNotHold(
      String name, Optional<RateLimit> limit, int requests, List<Duration> waits) {
    var throttle = new ClientRateLimit(new InMemoryRateLimiter(millis::get), limit);
    List<Duration> refused =
        Stream.generate(() -> throttle.admit("session:s1"))
            .limit(requests)
            .flatMap(Optional::stream)
            .map(Refusal::retryAfter)
            .toList();
    assertThat(refused).isEqualTo(waits);
  }

  @org.junit.jupiter.api.Test
  void clientsHaveTheirOwnBucketsAndAReloadAppliesAtOnce() {
    var throttle =
        new ClientRateLimit(
            new InMemoryRateLimiter(millis::get), Optional.of(new RateLimit(60, 1)));
    assertThat(throttle.admit("session:a")).isEmpty();
    assertThat(throttle.admit("session:b")).isEmpty();
    Optional<Refusal> refusal = throttle.admit("session:a");
    assertThat(refusal)
        .map(Refusal::limit)
        .contains("limits.rateLimit: 60 requests per minute, burst 1");

    throttle.update(Optional.empty());
    assertThat(throttle.admit("session:a")).isEmpty();
    throttle.update(Optional.of(new RateLimit(600, 5)));
    millis.addAndGet(100);
    assertThat(throttle.admit("session:a")).as("refilled at the new rate").isEmpty();
  }
}
