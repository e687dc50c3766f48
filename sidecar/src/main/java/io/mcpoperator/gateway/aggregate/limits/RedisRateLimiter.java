package io.mcpoperator.gateway.aggregate.limits;

import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.util.Optional;

/**
 * Token buckets shared by every replica: one atomic Lua script per call (the same arithmetic as
 * {@link TokenBucket}, on Redis' clock). While Redis is unreachable the local limiter answers.
 */
public final class RedisRateLimiter implements RateLimiter {
  static final String SCRIPT =
      """
      local rate = tonumber(ARGV[1]) / 60000
      local burst = tonumber(ARGV[2])
      local t = redis.call('TIME')
      local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
      local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
      local tokens = tonumber(state[1])
      local at = tonumber(state[2])
      if tokens == nil or at == nil then
        tokens = burst
        at = now
      end
      tokens = math.min(burst, tokens + math.max(0, now - at) * rate)
      local wait = 0
      if tokens >= 1 then
        tokens = tokens - 1
      else
        wait = math.ceil((1 - tokens) / rate)
      end
      redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(now))
      redis.call('PEXPIRE', KEYS[1], math.ceil(burst / rate) + 1000)
      return wait
      """;
  private final RedisLink redis;
  private final RateLimiter fallback;
  private volatile String sha;

  public RedisRateLimiter(RedisLink redis, RateLimiter fallback) {
    this.redis = redis;
    this.fallback = fallback;
  }

  @Override
  public Duration acquire(String key, int requestsPerMinute, int burst) {
    Optional<Long> waitMillis =
        redis.run(
            "rate limit",
            c -> run(c, redis.key("rl:" + key), String.valueOf(requestsPerMinute), "" + burst));
    return waitMillis
        .map(Duration::ofMillis)
        .orElseGet(() -> fallback.acquire(key, requestsPerMinute, burst));
  }

  private Long run(RedisCommands<String, String> c, String key, String rpm, String burst) {
    String[] keys = {key};
    if (sha != null) {
      try {
        return c.evalsha(sha, ScriptOutputType.INTEGER, keys, rpm, burst);
      } catch (RedisNoScriptException e) {
        sha = null;
      }
    }
    sha = c.scriptLoad(SCRIPT);
    return c.evalsha(sha, ScriptOutputType.INTEGER, keys, rpm, burst);
  }
}
