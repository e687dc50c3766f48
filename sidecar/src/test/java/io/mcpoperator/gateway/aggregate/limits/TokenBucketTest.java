package io.mcpoperator.gateway.aggregate.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TokenBucketTest {

  @ParameterizedTest(name = "{0} tokens, {1} rpm, burst {2}, {3} ms later -> wait {4} ms, left {5}")
  @CsvSource(
      textBlock =
          """
          # tokens, rpm, burst, elapsedMs, waitMs, tokensAfter
          10,   60,  10,      0,    0,   9
          1,    60,  10,      0,    0,   0
          0,    60,  10,      0, 1000,   0
          0,    60,  10,    500,  500,   0.5
          0,    60,  10,   1000,    0,   0
          0.25, 60,  10,      0,  750,   0.25
          0,   600,  50,      0,  100,   0
          0,     1,   1,      0, 60000,  0
          0,    60,  10, 600000,    0,   9
          5,    60,  10,  -5000,    0,   4
          """)
  void refillsAtTheRateAndCapsAtTheBurst(
      double tokens, int rpm, int burst, long elapsedMs, long waitMs, double tokensAfter) {
    var take = new TokenBucket(tokens, 1_000_000).take(rpm, burst, 1_000_000 + elapsedMs);

    assertThat(take.retryAfter()).isEqualTo(Duration.ofMillis(waitMs));
    assertThat(take.allowed()).isEqualTo(waitMs == 0);
    assertThat(take.bucket().tokens())
        .isCloseTo(tokensAfter, org.assertj.core.data.Offset.offset(1e-9));
  }

  @ParameterizedTest(name = "burst {0}")
  @CsvSource({"1", "3", "10"})
  void aFullBucketAllowsExactlyItsBurstAtOnce(int burst) {
    var bucket = TokenBucket.full(burst, 0);
    int allowed = 0;
    for (int i = 0; i < burst + 5; i++) {
      var take = bucket.take(60, burst, 0);
      bucket = take.bucket();
      allowed += take.allowed() ? 1 : 0;
    }
    assertThat(allowed).isEqualTo(burst);
  }
}
