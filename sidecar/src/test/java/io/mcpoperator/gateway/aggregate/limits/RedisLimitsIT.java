package io.mcpoperator.gateway.aggregate.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lettuce.core.RedisURI;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The response cache and the rate limiter on a real Redis ({@code MCP_TEST_REDIS_URL}, e.g.
 * redis://127.0.0.1:6379; set by .ci/run), and their behaviour when Redis is unreachable.
 */
@org.junit.jupiter.api.Timeout(60)
class RedisLimitsIT {
  private final String prefix = "mcp-gateway-test:" + UUID.randomUUID() + ":";

  private static RedisURI redis() {
    String url = System.getenv("MCP_TEST_REDIS_URL");
    Assumptions.assumeTrue(
        url != null && !url.isBlank(),
        "MCP_TEST_REDIS_URL is not set (e.g. redis://127.0.0.1:6379): skipping Redis tests");
    return RedisURI.create(url);
  }

  @Test
  void replicasShareOneTokenBucket() {
    try (var a = new RedisLink(redis(), prefix);
        var b = new RedisLink(redis(), prefix)) {
      var replicaA = new RedisRateLimiter(a, new InMemoryRateLimiter());
      var replicaB = new RedisRateLimiter(b, new InMemoryRateLimiter());

      assertThat(replicaA.acquire("weather:s1", 60, 3)).isZero();
      assertThat(replicaB.acquire("weather:s1", 60, 3)).isZero();
      assertThat(replicaA.acquire("weather:s1", 60, 3)).isZero();
      Duration wait = replicaB.acquire("weather:s1", 60, 3);

      assertThat(wait).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(1));
      assertThat(replicaB.acquire("weather:s2", 60, 3)).isZero();
      assertThat(a.down()).isFalse();
    }
  }

  @Test
  void theScriptIsLoadedAgainAfterRedisForgetsIt() {
    try (var link = new RedisLink(redis(), prefix)) {
      var limiter = new RedisRateLimiter(link, new InMemoryRateLimiter());
      assertThat(limiter.acquire("t:s", 60, 5)).isZero();
      link.run("flush scripts", c -> c.scriptFlush());
      assertThat(limiter.acquire("t:s", 60, 5)).isZero();
      assertThat(link.down()).isFalse();
    }
  }

  @Test
  void cachedValuesAreSharedAndExpire() {
    try (var a = new RedisResponseCache(new RedisLink(redis(), prefix));
        var b = new RedisResponseCache(new RedisLink(redis(), prefix))) {
      a.put("tool:w:abc", "{\"content\":[]}", Duration.ofMillis(300));

      assertThat(b.get("tool:w:abc")).contains("{\"content\":[]}");
      assertThat(b.get("tool:w:other")).isEmpty();
      await().atMost(Duration.ofSeconds(5)).until(() -> b.get("tool:w:abc").isEmpty());
    }
  }

  @Test
  void withoutRedisCallsGoOnUncachedAndLimitsAreLocal() throws IOException {
    int port;
    try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    try (var link = new RedisLink(RedisURI.create("redis://127.0.0.1:" + port), prefix)) {
      var cache = new RedisResponseCache(link);
      var limiter = new RedisRateLimiter(link, new InMemoryRateLimiter());

      cache.put("k", "v", Duration.ofSeconds(10));
      assertThat(cache.get("k")).isEmpty();
      assertThat(limiter.acquire("t:s", 60, 2)).isZero();
      assertThat(limiter.acquire("t:s", 60, 2)).isZero();
      assertThat(limiter.acquire("t:s", 60, 2)).isPositive();
      assertThat(link.down()).isTrue();
    }
  }
}
