package io.mcpoperator.operator.mcpregistry;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.mcpoperator.operator.api.Condition;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * The status of an MCPRegistry after a sync (pure): Synced follows the last sync; Ready is True
 * while there is data to resolve from (fresh, or the last good copy during an outage); counts and
 * times; a condition's lastTransitionTime moves only when its status does.
 */
public final class RegistryStatus {
  private RegistryStatus() {}

  public static JsonObject of(
      JsonObject previous,
      long generation,
      String source,
      SyncOutcome outcome,
      List<String> cache,
      Optional<String> syncRequested,
      Instant now) {
    JsonObject status = new JsonObject();
    status.addProperty("observedGeneration", generation);
    status.addProperty("source", source);
    String at = now.truncatedTo(ChronoUnit.SECONDS).toString();
    status.addProperty("lastAttemptTime", at);
    List<Condition> before = Condition.listOf(previous);
    Condition synced;
    Condition ready;
    switch (outcome) {
      case SyncOutcome.Synced s -> {
        status.addProperty("synced", true);
        status.addProperty("serverCount", s.servers());
        status.addProperty("lastSyncTime", at);
        status.addProperty("consecutiveFailures", 0);
        synced =
            condition(
                before,
                "Synced",
                true,
                generation,
                "Synced",
                "synced " + s.servers() + " servers from " + source,
                now);
        ready =
            condition(
                before,
                "Ready",
                true,
                generation,
                "Synced",
                s.servers() + " servers available",
                now);
      }
      case SyncOutcome.Failed f -> {
        status.addProperty("synced", false);
        f.cachedServers().ifPresent(n -> status.addProperty("serverCount", n));
        copy(previous, status, "lastSyncTime");
        status.addProperty("consecutiveFailures", failures(previous) + 1);
        status.addProperty("lastError", f.message());
        synced = condition(before, "Synced", false, generation, f.reason(), f.message(), now);
        ready =
            f.cachedServers().isPresent()
                ? condition(
                    before,
                    "Ready",
                    true,
                    generation,
                    "UsingCachedData",
                    "sync failing; serving the last good data ("
                        + f.cachedServers().get()
                        + " servers)",
                    now)
                : condition(
                    before,
                    "Ready",
                    false,
                    generation,
                    f.reason(),
                    "no data yet: " + f.message(),
                    now);
      }
    }
    JsonArray cacheNames = new JsonArray();
    cache.forEach(cacheNames::add);
    status.add("cache", cacheNames);
    syncRequested.ifPresent(v -> status.addProperty("syncRequested", v));
    JsonArray conditions = new JsonArray();
    conditions.add(ready.toJson());
    conditions.add(synced.toJson());
    status.add("conditions", conditions);
    return status;
  }

  private static long failures(JsonObject previous) {
    JsonElement n = previous == null ? null : previous.get("consecutiveFailures");
    return n != null && n.isJsonPrimitive() ? n.getAsLong() : 0;
  }

  private static void copy(JsonObject from, JsonObject to, String field) {
    if (from != null && from.has(field)) {
      to.add(field, from.get(field));
    }
  }

  private static Condition condition(
      List<Condition> before,
      String type,
      boolean value,
      long generation,
      String reason,
      String message,
      Instant now) {
    String status = value ? "True" : "False";
    OffsetDateTime transition =
        before.stream()
            .filter(c -> c.type().equals(type) && c.status().equals(status))
            .map(Condition::lastTransitionTime)
            .findFirst()
            .orElse(OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
    return new Condition(type, status, generation, transition, reason, message);
  }
}
