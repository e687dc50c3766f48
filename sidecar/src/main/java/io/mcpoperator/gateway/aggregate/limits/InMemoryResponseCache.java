package io.mcpoperator.gateway.aggregate.limits;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A bounded cache in this replica's memory. When full, expired entries are dropped first, then
 * everything (entries live seconds, so a refill is cheap and a full scan is rare).
 */
public final class InMemoryResponseCache implements ResponseCache {
  private final Map<String, Entry> entries = new ConcurrentHashMap<>();
  private final int maxEntries;
  private final LongSupplier nanoClock;

  private record Entry(String value, long expiresAt) {}

  public InMemoryResponseCache(int maxEntries) {
    this(maxEntries, System::nanoTime);
  }

  InMemoryResponseCache(int maxEntries, LongSupplier nanoClock) {
    this.maxEntries = maxEntries;
    this.nanoClock = nanoClock;
  }

  @Override
  public Optional<String> get(String key) {
    Entry entry = entries.get(key);
    if (entry == null) {
      return Optional.empty();
    }
    if (nanoClock.getAsLong() - entry.expiresAt() >= 0) {
      entries.remove(key, entry);
      return Optional.empty();
    }
    return Optional.of(entry.value());
  }

  @Override
  public void put(String key, String value, Duration ttl) {
    long now = nanoClock.getAsLong();
    if (entries.size() >= maxEntries && !entries.containsKey(key)) {
      entries.values().removeIf(e -> now - e.expiresAt() >= 0);
      if (entries.size() >= maxEntries) {
        entries.clear();
      }
    }
    entries.put(key, new Entry(value, now + ttl.toNanos()));
  }

  int size() {
    return entries.size();
  }
}
