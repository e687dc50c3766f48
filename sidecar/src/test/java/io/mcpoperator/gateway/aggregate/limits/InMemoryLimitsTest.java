package io.mcpoperator.gateway.aggregate.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class InMemoryLimitsTest {
  private final AtomicLong millis = new AtomicLong(1_000);

  @Test
  void bucketsAreSeparatePerKeyAndRefillOverTime() {
    var limiter = new InMemoryRateLimiter(millis::get);

    assertThat(limiter.acquire("weather:s1", 60, 2)).isZero();
    assertThat(limiter.acquire("weather:s1", 60, 2)).isZero();
    assertThat(limiter.acquire("weather:s1", 60, 2)).isEqualTo(Duration.ofSeconds(1));
    assertThat(limiter.acquire("weather:s2", 60, 2)).isZero();

    millis.addAndGet(1_000);
    assertThat(limiter.acquire("weather:s1", 60, 2)).isZero();
    assertThat(limiter.acquire("weather:s1", 60, 2)).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void cachedValuesExpireAfterTheirTtl() {
    var nanos = new AtomicLong();
    var cache = new InMemoryResponseCache(100, nanos::get);
    cache.put("k", "v", Duration.ofSeconds(2));

    assertThat(cache.get("k")).contains("v");
    nanos.addAndGet(Duration.ofMillis(1999).toNanos());
    assertThat(cache.get("k")).contains("v");
    nanos.addAndGet(Duration.ofMillis(1).toNanos());
    assertThat(cache.get("k")).isEmpty();
    assertThat(cache.get("never")).isEmpty();
  }

  @Test
  void aFullCacheDropsExpiredEntriesFirst() {
    var nanos = new AtomicLong();
    var cache = new InMemoryResponseCache(2, nanos::get);
    cache.put("old", "1", Duration.ofSeconds(1));
    cache.put("live", "2", Duration.ofSeconds(60));
    nanos.addAndGet(Duration.ofSeconds(2).toNanos());

    cache.put("new", "3", Duration.ofSeconds(60));

    assertThat(cache.size()).isEqualTo(2);
    assertThat(cache.get("live")).contains("2");
    assertThat(cache.get("new")).contains("3");
  }

  @Test
  void aFullCacheEvictsOneEntryNotAll() {
    var nanos = new AtomicLong();
    var cache = new InMemoryResponseCache(100, nanos::get);
    for (int i = 0; i < 100; i++) {
      cache.put("k" + i, "v" + i, Duration.ofMinutes(5));
    }

    cache.put("one-more", "x", Duration.ofMinutes(5));

    assertThat(cache.size()).isEqualTo(100);
    long kept =
        java.util.stream.IntStream.range(0, 100)
            .filter(i -> cache.get("k" + i).isPresent())
            .count();
    assertThat(kept).as("earlier entries still cached").isGreaterThanOrEqualTo(99);
  }
}
