package io.mcpoperator.gateway.session;

import io.lettuce.core.Range;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XAddArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.mcpoperator.mcp.jsonrpc.Json;
import io.mcpoperator.mcp.session.EventListener;
import io.mcpoperator.mcp.session.ResourceSubscriptions;
import io.mcpoperator.mcp.session.SessionRecord;
import io.mcpoperator.mcp.session.SessionStore;
import io.mcpoperator.mcp.session.SessionStoreUnavailableException;
import io.mcpoperator.mcp.session.StoredEvent;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Sessions shared by every replica through Redis (lettuce).
 *
 * <ul>
 *   <li>Record: {@code <prefix>s:<id>}, JSON, expiring after the idle timeout; each replica caches
 *       records it validated for {@code cacheTtl}, so a session's requests cost no round trip (the
 *       expiry is refreshed in the background at most every tenth of the idle timeout).
 *   <li>Events: a Redis Stream {@code <prefix>e:<id>} capped at {@code eventCap} entries; an event
 *       id is {@code <streamId>.<entryId>}, so any replica can replay after it.
 *   <li>Live delivery: every append is published on {@code <prefix>c:<id>}; a replica subscribes to
 *       that channel while it holds a connection following the session. A subscription publishes a
 *       takeover so another replica's connection to the same stream closes, and a delete publishes
 *       an end so every replica drops its cache and closes its connections.
 *   <li>Registry of live sessions, notices, sweeping of expired sessions: {@link RedisRegistry};
 *       resource subscriptions: {@link RedisSubscriptions}.
 * </ul>
 *
 * Redis errors surface as {@link SessionStoreUnavailableException}; lettuce reconnects by itself.
 */
public final class RedisSessionStore implements SessionStore {
  private final String prefix;
  private final Duration idleTimeout;
  private final int eventCap;
  private final Duration cacheTtl;
  private final String replica = UUID.randomUUID().toString();
  private final RedisClient client;
  private final RedisURI uri;
  private volatile StatefulRedisConnection<String, String> connection;
  private volatile StatefulRedisPubSubConnection<String, String> pubSub;
  private final Map<String, Cached> cache = new ConcurrentHashMap<>();
  private final Map<String, Map<String, EventListener>> listeners = new ConcurrentHashMap<>();
  private final List<Consumer<String>> endListeners = new CopyOnWriteArrayList<>();
  private final RedisSubscriptions subscriptions;
  private final RedisRegistry registry;

  private record Cached(SessionRecord record, long validatedAt, long touchedAt) {}

  public RedisSessionStore(
      RedisURI uri, String prefix, Duration idleTimeout, int eventCap, Duration cacheTtl) {
    this.prefix = prefix;
    this.idleTimeout = idleTimeout;
    this.eventCap = eventCap;
    this.cacheTtl = cacheTtl;
    uri.setTimeout(Duration.ofSeconds(2));
    this.uri = uri;
    this.client = RedisResources.client(uri);
    this.subscriptions = new RedisSubscriptions(prefix, prefix + "control", this::command);
    this.registry = new RedisRegistry(prefix, idleTimeout, subscriptions, this::command);
    try {
      connect();
    } catch (SessionStoreUnavailableException e) {
      // not fatal: the next call tries again, and requests get 503 meanwhile
    }
  }

  /**
   * Connects once; lettuce then reconnects by itself. A Redis that is down at start-up is retried
   * on later calls, so the gateway starts (unready) instead of crashing.
   */
  private synchronized void connect() {
    if (connection != null) {
      return;
    }
    try {
      var commands = client.connect();
      var subscriber = client.connectPubSub();
      subscriber.addListener(
          new RedisPubSubAdapter<>() {
            @Override
            public void message(String channel, String message) {
              onMessage(channel, message);
            }
          });
      subscriber.sync().subscribe(prefix + "control");
      pubSub = subscriber;
      connection = commands;
    } catch (RedisException e) {
      throw new SessionStoreUnavailableException(
          "cannot connect to Redis at " + uri.getHost() + ":" + uri.getPort(), e);
    }
  }

  private RedisCommands<String, String> redis() {
    return connection.sync();
  }

  private String channelPrefix() {
    return prefix + "c:";
  }

  /** Runs {@code command} on the connection, as {@link #call} does. */
  private <T> T command(Function<RedisCommands<String, String>, T> command) {
    return call(() -> command.apply(redis()));
  }

  private String[] touchKeys(String id) {
    return new String[] {prefix + "s:" + id, prefix + "live"};
  }

  @Override
  public void create(SessionRecord record) {
    call(
        () ->
            redis()
                .eval(
                    RedisScripts.CREATE,
                    ScriptOutputType.INTEGER,
                    touchKeys(record.id()),
                    Json.write(record.toJson()),
                    String.valueOf(idleTimeout.toMillis()),
                    record.id()));
    long now = System.nanoTime();
    cache.put(record.id(), new Cached(record, now, now));
  }

  @Override
  public Optional<SessionRecord> find(String id) {
    long now = System.nanoTime();
    Cached cached = cache.get(id);
    if (cached != null && now - cached.validatedAt() < cacheTtl.toNanos()) {
      if (now - cached.touchedAt() > idleTimeout.toNanos() / 10) {
        cache.put(id, new Cached(cached.record(), cached.validatedAt(), now));
        call(
            () ->
                connection
                    .async()
                    .eval(
                        RedisScripts.TOUCH,
                        ScriptOutputType.INTEGER,
                        touchKeys(id),
                        String.valueOf(idleTimeout.toMillis()),
                        id));
      }
      return Optional.of(cached.record());
    }
    String json =
        call(
            () -> {
              String value = redis().get(prefix + "s:" + id);
              if (value != null) {
                redis()
                    .eval(
                        RedisScripts.TOUCH,
                        ScriptOutputType.INTEGER,
                        touchKeys(id),
                        String.valueOf(idleTimeout.toMillis()),
                        id);
              }
              return value;
            });
    if (json == null) {
      cache.remove(id);
      return Optional.empty();
    }
    SessionRecord record = SessionRecord.fromJson(Json.parse(json).asJsonObject());
    cache.put(id, new Cached(record, now, now));
    return Optional.of(record);
  }

  @Override
  public void update(SessionRecord record) {
    call(
        () ->
            redis()
                .set(
                    prefix + "s:" + record.id(),
                    Json.write(record.toJson()),
                    SetArgs.Builder.px(idleTimeout.toMillis()).xx()));
    long now = System.nanoTime();
    cache.put(record.id(), new Cached(record, now, now));
  }

  @Override
  public boolean delete(String id) {
    long removed = registry.forget(id);
    ended(id);
    return removed > 0;
  }

  @Override
  public List<SessionRecord> live() {
    return registry.live();
  }

  @Override
  public Set<String> firstNotice(String topic, String version, Collection<String> sessionIds) {
    return registry.firstNotice(topic, version, sessionIds);
  }

  @Override
  public ResourceSubscriptions subscriptions() {
    return subscriptions;
  }

  private void ended(String id) {
    cache.remove(id);
    Map<String, EventListener> local = listeners.remove(id);
    if (local != null) {
      local.values().forEach(EventListener::onClosed);
      pubSub.async().unsubscribe(channelPrefix() + id);
    }
    // also when no stream of the session is open here: requests it has in flight on this replica
    // end, and what this replica keeps for it goes
    endListeners.forEach(l -> l.accept(id));
  }

  @Override
  public StoredEvent append(String sessionId, String streamId, String data, boolean last) {
    String entry =
        call(
            () ->
                redis()
                    .xadd(
                        prefix + "e:" + sessionId,
                        XAddArgs.Builder.maxlen(eventCap).approximateTrimming(),
                        Map.of("stream", streamId, "data", data, "last", last ? "1" : "0")));
    call(() -> connection.async().pexpire(prefix + "e:" + sessionId, idleTimeout.toMillis()));
    var event = new StoredEvent(streamId + "." + entry, streamId, data, last);
    JsonObject wire =
        Json.object()
            .add("id", event.id())
            .add("stream", streamId)
            .add("data", data)
            .add("last", last)
            .build();
    call(() -> redis().publish(channelPrefix() + sessionId, Json.write(wire)));
    return event;
  }

  @Override
  public List<StoredEvent> replay(String sessionId, String lastEventId) {
    Optional<String> stream = StoredEvent.streamOf(lastEventId);
    if (stream.isEmpty()) {
      return List.of();
    }
    String entry = lastEventId.substring(stream.get().length() + 1);
    Range<String> range =
        entry.equals("0")
            ? Range.unbounded()
            : Range.from(Range.Boundary.excluding(entry), Range.Boundary.unbounded());
    List<StreamMessage<String, String>> messages;
    try {
      messages = call(() -> redis().xrange(prefix + "e:" + sessionId, range));
    } catch (SessionStoreUnavailableException e) {
      throw e;
    } catch (RuntimeException e) {
      return List.of();
    }
    List<StoredEvent> out = new ArrayList<>();
    for (var m : messages) {
      if (stream.get().equals(m.getBody().get("stream"))) {
        out.add(
            new StoredEvent(
                stream.get() + "." + m.getId(),
                stream.get(),
                m.getBody().get("data"),
                "1".equals(m.getBody().get("last"))));
      }
    }
    return out;
  }

  @Override
  public Subscription subscribe(String sessionId, String streamId, EventListener listener) {
    var local =
        listeners.computeIfAbsent(
            sessionId,
            id -> {
              call(
                  () -> {
                    pubSub.sync().subscribe(channelPrefix() + id);
                    return id;
                  });
              return new ConcurrentHashMap<>();
            });
    EventListener previous = local.put(streamId, listener);
    if (previous != null && previous != listener) {
      previous.onClosed();
    }
    call(
        () ->
            redis()
                .publish(
                    prefix + "control", "takeover " + sessionId + " " + streamId + " " + replica));
    return () -> {
      local.remove(streamId, listener);
    };
  }

  /** Pub/sub: events for local connections, takeovers and session ends from any replica. */
  private void onMessage(String channel, String message) {
    if (channel.equals(prefix + "control")) {
      if (subscriptions.onControl(message)) {
        return;
      }
      String[] parts = message.split(" ");
      if (parts[0].equals("end") && parts.length == 2) {
        ended(parts[1]);
      } else if (parts[0].equals("takeover") && parts.length == 4 && !parts[3].equals(replica)) {
        Map<String, EventListener> local = listeners.get(parts[1]);
        EventListener previous = local == null ? null : local.remove(parts[2]);
        if (previous != null) {
          previous.onClosed();
        }
      }
      return;
    }
    String sessionId = channel.substring(channelPrefix().length());
    Map<String, EventListener> local = listeners.get(sessionId);
    if (local == null) {
      return;
    }
    JsonObject wire = Json.parse(message).asJsonObject();
    String stream = wire.getString("stream");
    boolean last = wire.getBoolean("last");
    EventListener listener = last ? local.remove(stream) : local.get(stream);
    if (listener != null) {
      listener.onEvent(new StoredEvent(wire.getString("id"), stream, wire.getString("data"), last));
    }
  }

  @Override
  public void onSessionEnd(Consumer<String> listener) {
    endListeners.add(listener);
  }

  @Override
  public long size() {
    return cache.size();
  }

  @Override
  public boolean reachable() {
    try {
      return "PONG".equals(call(() -> redis().ping()));
    } catch (SessionStoreUnavailableException e) {
      return false;
    }
  }

  @Override
  public void close() {
    registry.close();
    subscriptions.close();
    listeners.values().forEach(m -> m.values().forEach(EventListener::onClosed));
    listeners.clear();
    if (connection != null) {
      pubSub.close();
      connection.close();
    }
    client.shutdown();
  }

  private <T> T call(java.util.function.Supplier<T> command) {
    try {
      connect();
      return command.get();
    } catch (RedisException e) {
      throw new SessionStoreUnavailableException(String.valueOf(e.getMessage()), e);
    }
  }
}
