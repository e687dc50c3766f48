package io.mcpoperator.gateway.session;

import io.lettuce.core.KeyValue;
import io.lettuce.core.ScriptOutputType;
import io.mcpoperator.mcp.jsonrpc.Json;
import io.mcpoperator.mcp.session.SessionRecord;
import io.mcpoperator.mcp.session.SessionStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registry of every live session of a {@link RedisSessionStore}: {@code <prefix>live}, a sorted
 * set of session ids by last touch on Redis' clock, written by the same scripts that set or refresh
 * a record's expiry (so it costs no extra round trip on the request path). {@link #live()} reaches
 * sessions whichever replica created them. Each replica sweeps it: a session whose record expired
 * is forgotten like a deleted one (its subscriptions and notices go, every replica hears its end).
 * Also the sessions' notices ({@link SessionStore#firstNotice}).
 */
final class RedisRegistry {
  private static final Logger LOG = LoggerFactory.getLogger(RedisRegistry.class);
  private static final int BATCH = 500;

  /** How long a session's notices are kept at least (replicas reload minutes apart). */
  private static final Duration NOTICE_TTL = Duration.ofHours(1);

  private final String prefix;
  private final Duration idleTimeout;
  private final RedisSubscriptions subscriptions;
  private final RedisCall redis;
  private final ScheduledExecutorService sweeper =
      Executors.newSingleThreadScheduledExecutor(
          Thread.ofVirtual().name("redis-session-sweeper").factory());
  private volatile boolean sweepFailed;

  RedisRegistry(
      String prefix, Duration idleTimeout, RedisSubscriptions subscriptions, RedisCall redis) {
    this.prefix = prefix;
    this.idleTimeout = idleTimeout;
    this.subscriptions = subscriptions;
    this.redis = redis;
    long period = Math.clamp(idleTimeout.toMillis() / 4, 1000L, 30_000L);
    sweeper.scheduleWithFixedDelay(this::sweep, period, period, TimeUnit.MILLISECONDS);
  }

  /**
   * Removes every trace of a session; every replica hears its end.
   *
   * @return how many of its record and event log existed
   */
  long forget(String id) {
    return redis.run(
        r ->
            r.eval(
                RedisScripts.FORGET,
                ScriptOutputType.INTEGER,
                new String[] {
                  subscriptions.sessionKey(id),
                  subscriptions.urisKey(),
                  prefix + "s:" + id,
                  prefix + "e:" + id,
                  prefix + "n:" + id,
                  prefix + "live"
                },
                id,
                subscriptions.uriKeyPrefix(),
                prefix + "control"));
  }

  /** Forgets the sessions whose record expired (no replica noticed their end otherwise). */
  void sweep() {
    try {
      List<String> gone;
      do {
        gone =
            redis.run(
                r ->
                    r.eval(
                        RedisScripts.EXPIRED,
                        ScriptOutputType.MULTI,
                        new String[] {prefix + "live"},
                        String.valueOf(idleTimeout.toMillis()),
                        prefix + "s:",
                        String.valueOf(BATCH)));
        gone.forEach(this::forget);
      } while (gone.size() == BATCH);
      sweepFailed = false;
    } catch (RuntimeException e) {
      if (!sweepFailed) {
        LOG.warn("cannot sweep expired sessions: {}", e.getMessage());
      }
      sweepFailed = true;
    }
  }

  /** The records of the registered sessions that have not expired. */
  List<SessionRecord> live() {
    List<String> ids = redis.run(r -> r.zrange(prefix + "live", 0, -1));
    List<SessionRecord> out = new ArrayList<>(ids.size());
    for (int from = 0; from < ids.size(); from += BATCH) {
      String[] keys =
          ids.subList(from, Math.min(ids.size(), from + BATCH)).stream()
              .map(id -> prefix + "s:" + id)
              .toArray(String[]::new);
      List<KeyValue<String, String>> values = redis.run(r -> r.mget(keys));
      for (var value : values) {
        if (value.hasValue()) {
          out.add(SessionRecord.fromJson(Json.parse(value.getValue()).asJsonObject()));
        }
      }
    }
    return out;
  }

  Set<String> firstNotice(String topic, String version, Collection<String> sessionIds) {
    List<String> ids = List.copyOf(sessionIds);
    Set<String> fresh = new LinkedHashSet<>();
    String ttl = String.valueOf(Math.max(idleTimeout.toMillis(), NOTICE_TTL.toMillis()));
    for (int from = 0; from < ids.size(); from += BATCH) {
      List<String> batch = ids.subList(from, Math.min(ids.size(), from + BATCH));
      String[] keys = batch.stream().map(id -> prefix + "n:" + id).toArray(String[]::new);
      List<Long> positions =
          redis.run(
              r -> r.eval(RedisScripts.NOTICE, ScriptOutputType.MULTI, keys, topic, version, ttl));
      positions.forEach(p -> fresh.add(batch.get(p.intValue() - 1)));
    }
    return fresh;
  }

  void close() {
    sweeper.shutdownNow();
  }
}
