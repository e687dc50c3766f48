package io.mcpoperator.operator.mcpregistry;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When an MCPRegistry syncs next (pure): now when it has no status, its spec changed or the
 * sync-requested annotation changed; after failures, with backoff (10 s doubling, at most the
 * interval or 10 min); otherwise every {@code syncInterval} (0: never on its own).
 */
public final class SyncSchedule {
  static final Duration FIRST_RETRY = Duration.ofSeconds(10);
  static final Duration MAX_RETRY = Duration.ofMinutes(10);

  private SyncSchedule() {}

  /** How long to wait before syncing (zero: now); empty: not until something changes. */
  public static Optional<Duration> wait(
      JsonObject status,
      long generation,
      Optional<String> requested,
      Duration interval,
      Instant now) {
    if (status == null
        || !status.has("lastAttemptTime")
        || number(status, "observedGeneration") != generation
        || (requested.isPresent() && !requested.equals(text(status, "syncRequested")))) {
      return Optional.of(Duration.ZERO);
    }
    long failures = number(status, "consecutiveFailures");
    Duration every = failures > 0 ? backoff(failures, interval) : interval;
    if (every.isZero()) {
      return Optional.empty();
    }
    Instant last = Instant.parse(status.get("lastAttemptTime").getAsString());
    Duration left = Duration.between(now, last.plus(every));
    return Optional.of(left.isNegative() ? Duration.ZERO : left);
  }

  /** The wait after {@code failures} failed syncs in a row. */
  public static Duration backoff(long failures, Duration interval) {
    Duration wait = FIRST_RETRY.multipliedBy(1L << Math.min(failures - 1, 16));
    Duration cap = interval.isZero() || interval.compareTo(MAX_RETRY) > 0 ? MAX_RETRY : interval;
    return wait.compareTo(cap) > 0 ? cap : wait;
  }

  private static long number(JsonObject status, String field) {
    JsonElement e = status.get(field);
    return e != null && e.isJsonPrimitive() ? e.getAsLong() : -1;
  }

  private static Optional<String> text(JsonObject status, String field) {
    JsonElement e = status.get(field);
    return e != null && e.isJsonPrimitive() ? Optional.of(e.getAsString()) : Optional.empty();
  }
}
