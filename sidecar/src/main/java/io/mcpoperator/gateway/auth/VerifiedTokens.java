package io.mcpoperator.gateway.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Date;

/**
 * The JWTs verified lately, so that a client's next request with the same token costs a lookup
 * instead of a signature check (about 90 µs for RS256, hack/bench/results/auth.md). An entry is
 * used until the token's {@code exp} (never beyond it: the clock skew the verifier allows is not
 * extended) and for at most {@link #MAX_AGE}, so a key the issuer withdraws stops being honoured
 * within a minute. Failures are never remembered.
 */
final class VerifiedTokens {
  static final Duration MAX_AGE = Duration.ofSeconds(60);
  static final int MAX_ENTRIES = 2_000;

  /** Verifies a token the cache does not hold. */
  @FunctionalInterface
  interface Verifier {
    Caller verify(String token) throws TokenException;
  }

  private record Verified(Caller caller, Instant until) {}

  private final Cache<String, Verified> cache =
      Caffeine.newBuilder().maximumSize(MAX_ENTRIES).expireAfterWrite(MAX_AGE).build();
  private final InstantSource clock;

  VerifiedTokens(InstantSource clock) {
    this.clock = clock;
  }

  Caller verify(String token, Verifier verifier) throws TokenException {
    Instant now = clock.instant();
    Verified known = cache.getIfPresent(token);
    if (known != null && now.isBefore(known.until())) {
      return known.caller();
    }
    Caller caller = verifier.verify(token);
    Instant until = now.plus(MAX_AGE);
    if (caller.claims().get("exp") instanceof Date exp && exp.toInstant().isBefore(until)) {
      until = exp.toInstant();
    }
    if (until.isAfter(now)) {
      cache.put(token, new Verified(caller, until));
    } else {
      cache.invalidate(token);
    }
    return caller;
  }
}
