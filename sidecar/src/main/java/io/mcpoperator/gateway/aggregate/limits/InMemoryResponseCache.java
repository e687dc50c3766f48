package io.mcpoperator.gateway.aggregate.limits;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Duration;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * A bounded cache in this replica's memory (Caffeine): each entry lives for its own TTL; when full,
 * expired entries go first, then the ones least likely to be used again (W-TinyLFU), one at a time.
 */
public final class InMemoryResponseCache implements ResponseCache {
  private final Cache<String, Entry> entries;

  private record Entry(String value, long ttlNanos) {}

  /** Each entry expires after its own TTL, however often it is read. */
  private static final class PerEntryTtl implements Expiry<String, Entry> {
    @Override
    public long expireAfterCreate(String key, Entry entry, long now) {
      return entry.ttlNanos();
    }

    @Override
    public long expireAfterUpdate(String key, Entry entry, long now, long remaining) {
      return entry.ttlNanos();
    }

    @Override
    public long expireAfterRead(String key, Entry entry, long now, long remaining) {
      return remaining;
    }
  }

  public InMemoryResponseCache(int maxEntries) {
    this(maxEntries, System::nanoTime);
  }

  InMemoryResponseCache(int maxEntries, LongSupplier nanoClock) {
    this.entries =
        Caffeine.newBuilder()
            .maximumSize(maxEntries)
            .expireAfter(new PerEntryTtl())
            .ticker(nanoClock::getAsLong)
            .executor(Runnable::run)
            .build();
  }

  @Override
  public Optional<String> get(String key) {
    return Optional.ofNullable(entries.getIfPresent(key)).map(Entry::value);
  }

  @Override
  public void put(String key, String value, Duration ttl) {
    entries.put(key, new Entry(value, ttl.toNanos()));
  }

  int size() {
    entries.cleanUp();
    return (int) entries.estimatedSize();
  }
}
