package io.mcpoperator.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class VerifiedTokensTest {
  private static final Instant T0 = Instant.parse("2026-12-07T12:00:00Z");
  private Instant now = T0;
  private final VerifiedTokens tokens = new VerifiedTokens(() -> now);
  private final AtomicInteger checks = new AtomicInteger();

  private VerifiedTokens.Verifier expiringIn(Duration lifetime) {
    return token -> {
      checks.incrementAndGet();
      return new Caller(
          "alice",
          Optional.of("https://idp"),
          Set.of("mcp:tools"),
          Map.of("exp", Date.from(T0.plus(lifetime))));
    };
  }

  @Test
  void theSameTokenAgainIsNotCheckedAgain() throws Exception {
    VerifiedTokens.Verifier verifier = expiringIn(Duration.ofHours(1));

    Caller first = tokens.verify("a", verifier);
    now = T0.plusSeconds(30);
    Caller second = tokens.verify("a", verifier);
    tokens.verify("b", verifier);

    assertThat(second).isEqualTo(first);
    assertThat(checks).hasValue(2);
  }

  @Test
  void aTokenIsCheckedAgainAfterAMinuteSoAWithdrawnKeyStopsCounting() throws Exception {
    VerifiedTokens.Verifier verifier = expiringIn(Duration.ofHours(1));
    tokens.verify("a", verifier);

    now = T0.plus(VerifiedTokens.MAX_AGE);
    tokens.verify("a", verifier);

    assertThat(checks).hasValue(2);
  }

  @Test
  void aRememberedTokenIsNeverHonouredPastItsExpiry() throws Exception {
    VerifiedTokens.Verifier verifier = expiringIn(Duration.ofSeconds(10));
    tokens.verify("a", verifier);

    now = T0.plusSeconds(10);
    VerifiedTokens.Verifier refusing =
        token -> {
          checks.incrementAndGet();
          throw new TokenException("expired", false, null);
        };

    assertThatThrownBy(() -> tokens.verify("a", refusing)).isInstanceOf(TokenException.class);
    assertThat(checks).hasValue(2);
  }

  @Test
  void aTokenAcceptedOnlyWithinTheClockSkewIsNotRemembered() throws Exception {
    // exp already passed, still accepted by the verifier's skew: checked every time
    VerifiedTokens.Verifier verifier = expiringIn(Duration.ofSeconds(-5));

    tokens.verify("a", verifier);
    tokens.verify("a", verifier);

    assertThat(checks).hasValue(2);
  }

  @Test
  void aRefusedTokenIsCheckedAgainEveryTime() {
    VerifiedTokens.Verifier refusing =
        token -> {
          checks.incrementAndGet();
          throw new TokenException("bad signature", false, null);
        };

    assertThatThrownBy(() -> tokens.verify("a", refusing)).isInstanceOf(TokenException.class);
    assertThatThrownBy(() -> tokens.verify("a", refusing)).isInstanceOf(TokenException.class);
    assertThat(checks).hasValue(2);
  }
}
