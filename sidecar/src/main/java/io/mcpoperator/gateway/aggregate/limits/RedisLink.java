package io.mcpoperator.gateway.aggregate.limits;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.mcpoperator.gateway.session.RedisResources;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Redis connection for the response cache and the rate limiter, built to fail fast: commands
 * time out after {@link #COMMAND_TIMEOUT}, are rejected at once while the connection is down, and a
 * Redis that was unreachable is tried again at most every {@link #RETRY_EVERY}. Callers fall back
 * (no cache, local buckets); an outage and the recovery are each logged once.
 */
public final class RedisLink implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RedisLink.class);
  static final Duration COMMAND_TIMEOUT = Duration.ofMillis(500);
  static final Duration RETRY_EVERY = Duration.ofSeconds(5);
  private final RedisClient client;
  private final String prefix;
  private final LongSupplier nanoClock;
  private final AtomicBoolean down = new AtomicBoolean();
  private volatile StatefulRedisConnection<String, String> connection;
  private volatile long nextAttempt;

  /**
   * @param prefix prepended to every key, e.g. {@code mcp-gateway:team-a/assistant:}
   */
  public RedisLink(RedisURI uri, String prefix) {
    this(uri, prefix, System::nanoTime);
  }

  RedisLink(RedisURI uri, String prefix, LongSupplier nanoClock) {
    uri.setTimeout(COMMAND_TIMEOUT);
    this.client = RedisResources.client(uri);
    this.client.setOptions(
        ClientOptions.builder()
            .autoReconnect(true)
            .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
            .socketOptions(SocketOptions.builder().connectTimeout(Duration.ofSeconds(1)).build())
            .build());
    this.prefix = prefix;
    this.nanoClock = nanoClock;
  }

  public String key(String suffix) {
    return prefix + suffix;
  }

  /**
   * Runs {@code command}; empty when Redis is unreachable or the command failed (logged once per
   * outage, as {@code what} falls back).
   */
  public <T> Optional<T> run(String what, Function<RedisCommands<String, String>, T> command) {
    Optional<StatefulRedisConnection<String, String>> live = connection();
    if (live.isEmpty()) {
      return Optional.empty();
    }
    try {
      T result = command.apply(live.get().sync());
      if (down.compareAndSet(true, false)) {
        LOG.info("Redis reachable again: response cache and shared rate limits are back");
      }
      return Optional.ofNullable(result);
    } catch (RedisException e) {
      markDown(what, e);
      return Optional.empty();
    }
  }

  private Optional<StatefulRedisConnection<String, String>> connection() {
    var current = connection;
    if (current != null) {
      return Optional.of(current);
    }
    synchronized (this) {
      if (connection == null && nanoClock.getAsLong() - nextAttempt >= 0) {
        try {
          connection = client.connect();
        } catch (RedisException e) {
          nextAttempt = nanoClock.getAsLong() + RETRY_EVERY.toNanos();
          markDown("connect", e);
        }
      }
      return Optional.ofNullable(connection);
    }
  }

  private void markDown(String what, RuntimeException e) {
    if (down.compareAndSet(false, true)) {
      LOG.warn(
          "Redis unreachable ({}: {}): serving without the response cache, rate limits are per"
              + " replica until it is back",
          what,
          e.getMessage());
    }
  }

  /** True while the last command or connection attempt failed. */
  public boolean down() {
    return down.get();
  }

  @Override
  public void close() {
    var current = connection;
    if (current != null) {
      current.close();
    }
    client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
  }
}
