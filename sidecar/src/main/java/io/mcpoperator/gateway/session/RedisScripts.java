package io.mcpoperator.gateway.session;

/**
 * The Lua scripts of {@link RedisSessionStore} and {@link RedisSubscriptions}: each keeps several
 * keys consistent in one atomic step, with times on Redis' clock (replicas' clocks may differ), and
 * publishes what other replicas must hear in the same step so they hear it in order.
 *
 * <p>Keys under the store's prefix: {@code s:<id>} record, {@code e:<id>} events, {@code n:<id>}
 * notices (hash topic → version), {@code live} (sorted set: id → last touch, ms), {@code r:<id>}
 * (set: resources the session follows), {@code u:<uri>} (set: its subscribers), {@code uris} (set:
 * resources with a subscriber). Scripts touch keys they compute ({@code u:<uri>}), so the store
 * needs a single Redis (or one cluster slot), as its multi-key deletes already do.
 */
final class RedisScripts {
  private RedisScripts() {}

  private static final String NOW =
      "local t = redis.call('TIME')\nlocal now = t[1] * 1000 + math.floor(t[2] / 1000)\n";

  /** KEYS: s:id, live. ARGV: record JSON, idle ms, id. */
  static final String CREATE =
      NOW
          + """
          redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
          redis.call('ZADD', KEYS[2], now, ARGV[3])
          return 1
          """;

  /** Refreshes the idle timer. KEYS: s:id, live. ARGV: idle ms, id. Returns 1 when it exists. */
  static final String TOUCH =
      NOW
          + """
          if redis.call('PEXPIRE', KEYS[1], ARGV[1]) == 1 then
            redis.call('ZADD', KEYS[2], now, ARGV[2])
            return 1
          end
          return 0
          """;

  /**
   * Ids in {@code live} not touched for the idle timeout whose record is gone (at most ARGV[3]); a
   * record still there (touched without the index) gets a fresh score. KEYS: live. ARGV: idle ms,
   * record key prefix, limit.
   */
  static final String EXPIRED =
      NOW
          + """
          local gone = {}
          local stale = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', now - tonumber(ARGV[1]),
            'LIMIT', 0, tonumber(ARGV[3]))
          for _, id in ipairs(stale) do
            if redis.call('EXISTS', ARGV[2] .. id) == 1 then
              redis.call('ZADD', KEYS[1], now, id)
            else
              table.insert(gone, id)
            end
          end
          return gone
          """;

  /**
   * Drops the subscriptions of session ARGV[1]: KEYS[1] r:id, KEYS[2] uris; ARGV[2] the {@code u:}
   * prefix, ARGV[3] the control channel. Publishes {@code abandoned <uri>} for each resource left
   * without subscribers.
   */
  private static final String DROP_SUBSCRIPTIONS =
      """
      for _, uri in ipairs(redis.call('SMEMBERS', KEYS[1])) do
        local key = ARGV[2] .. uri
        if redis.call('SREM', key, ARGV[1]) == 1 and redis.call('EXISTS', key) == 0 then
          redis.call('SREM', KEYS[2], uri)
          redis.call('PUBLISH', ARGV[3], 'abandoned ' .. uri)
        end
      end
      redis.call('DEL', KEYS[1])
      """;

  /** A session's subscriptions end. KEYS: r:id, uris. ARGV: id, u: prefix, control channel. */
  static final String DROP = DROP_SUBSCRIPTIONS + "return 1\n";

  /**
   * A session ends: record, events, notices, index entry and subscriptions go, and every replica
   * hears {@code end <id>}. KEYS: r:id, uris, s:id, e:id, n:id, live. ARGV: id, u: prefix, control
   * channel. Returns how many of record and events existed.
   */
  static final String FORGET =
      DROP_SUBSCRIPTIONS
          + """
          local removed = redis.call('DEL', KEYS[3], KEYS[4])
          redis.call('DEL', KEYS[5])
          redis.call('ZREM', KEYS[6], ARGV[1])
          redis.call('PUBLISH', ARGV[3], 'end ' .. ARGV[1])
          return removed
          """;

  /**
   * KEYS: u:uri, r:id, uris, s:id. ARGV: id, uri, control channel. Returns -1 when the session is
   * gone, 1 when the resource had no subscriber before (publishing {@code followed <uri>}), else 0.
   */
  static final String SUBSCRIBE =
      """
      if redis.call('EXISTS', KEYS[4]) == 0 then return -1 end
      redis.call('SADD', KEYS[2], ARGV[2])
      redis.call('SADD', KEYS[1], ARGV[1])
      if redis.call('SADD', KEYS[3], ARGV[2]) == 1 then
        redis.call('PUBLISH', ARGV[3], 'followed ' .. ARGV[2])
        return 1
      end
      return 0
      """;

  /**
   * KEYS: u:uri, r:id, uris. ARGV: id, uri, control channel. Returns 1 when the session was the
   * last subscriber (publishing {@code abandoned <uri>}), else 0.
   */
  static final String UNSUBSCRIBE =
      """
      redis.call('SREM', KEYS[2], ARGV[2])
      if redis.call('SREM', KEYS[1], ARGV[1]) == 0 then return 0 end
      if redis.call('EXISTS', KEYS[1]) == 0 then
        redis.call('SREM', KEYS[3], ARGV[2])
        redis.call('PUBLISH', ARGV[3], 'abandoned ' .. ARGV[2])
        return 1
      end
      return 0
      """;

  /**
   * KEYS: n:id of each session. ARGV: topic, version, ttl ms. Returns the (1-based) positions of
   * the sessions that had not been told this version, now recorded as told.
   */
  static final String NOTICE =
      """
      local fresh = {}
      for i, key in ipairs(KEYS) do
        if redis.call('HGET', key, ARGV[1]) ~= ARGV[2] then
          redis.call('HSET', key, ARGV[1], ARGV[2])
          redis.call('PEXPIRE', key, ARGV[3])
          table.insert(fresh, i)
        end
      end
      return fresh
      """;
}
