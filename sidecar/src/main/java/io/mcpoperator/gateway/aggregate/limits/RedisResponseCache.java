package io.mcpoperator.gateway.aggregate.limits;

import io.lettuce.core.SetArgs;
import java.time.Duration;
import java.util.Optional;

/** The response cache in Redis (GET / SET PX), shared by every replica. Owns the link. */
public final class RedisResponseCache implements ResponseCache {
  private final RedisLink redis;

  public RedisResponseCache(RedisLink redis) {
    this.redis = redis;
  }

  @Override
  public Optional<String> get(String key) {
    return redis.run("cache read", c -> c.get(redis.key("cache:" + key)));
  }

  @Override
  public void put(String key, String value, Duration ttl) {
    redis.run(
        "cache write",
        c -> c.set(redis.key("cache:" + key), value, SetArgs.Builder.px(ttl.toMillis())));
  }

  @Override
  public void close() {
    redis.close();
  }
}
