package io.mcpoperator.gateway.session;

import io.lettuce.core.ScriptOutputType;
import io.mcpoperator.mcp.session.ResourceSubscriptions;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * {@link ResourceSubscriptions} in Redis, beside the sessions of a {@link RedisSessionStore}: a set
 * of subscribers per resource, a set of resources per session (for cleanup when it ends) and the
 * set of followed resources. A resource's first subscriber and its last leaving are published on
 * the store's control channel by the same script that records them, so every replica hears them in
 * the order they happened.
 */
final class RedisSubscriptions implements ResourceSubscriptions {
  private static final org.slf4j.Logger LOG =
      org.slf4j.LoggerFactory.getLogger(RedisSubscriptions.class);
  private final String prefix;
  private final String control;
  private final RedisCall redis;
  private final List<Listener> listeners = new CopyOnWriteArrayList<>();
  // listeners hear messages in order, off the pub/sub connection's thread
  private final ExecutorService relay =
      Executors.newSingleThreadExecutor(Thread.ofVirtual().name("subscriptions-relay").factory());

  /**
   * @param prefix the store's key prefix
   * @param control the store's control channel
   * @param redis runs a command
   */
  RedisSubscriptions(String prefix, String control, RedisCall redis) {
    this.prefix = prefix;
    this.control = control;
    this.redis = redis;
  }

  String uriKeyPrefix() {
    return prefix + "u:";
  }

  String sessionKey(String sessionId) {
    return prefix + "r:" + sessionId;
  }

  String urisKey() {
    return prefix + "uris";
  }

  @Override
  public boolean subscribe(String uri, String sessionId) {
    Long first =
        redis.run(
            r ->
                r.eval(
                    RedisScripts.SUBSCRIBE,
                    ScriptOutputType.INTEGER,
                    new String[] {
                      uriKeyPrefix() + uri,
                      sessionKey(sessionId),
                      urisKey(),
                      prefix + "s:" + sessionId
                    },
                    sessionId,
                    uri,
                    control));
    return Long.valueOf(1).equals(first);
  }

  @Override
  public boolean unsubscribe(String uri, String sessionId) {
    Long last =
        redis.run(
            r ->
                r.eval(
                    RedisScripts.UNSUBSCRIBE,
                    ScriptOutputType.INTEGER,
                    new String[] {uriKeyPrefix() + uri, sessionKey(sessionId), urisKey()},
                    sessionId,
                    uri,
                    control));
    return Long.valueOf(1).equals(last);
  }

  @Override
  public void sessionEnded(String sessionId) {
    // usually redundant (the FORGET that ends a session drops its subscriptions too), and called on
    // lettuce's pub/sub thread, where a blocking Redis call would stall this replica's Redis
    // traffic: done on a thread of its own
    Thread.ofVirtual()
        .name("subscriptions-drop")
        .start(
            () -> {
              try {
                redis.run(
                    r ->
                        r.eval(
                            RedisScripts.DROP,
                            ScriptOutputType.INTEGER,
                            new String[] {sessionKey(sessionId), urisKey()},
                            sessionId,
                            uriKeyPrefix(),
                            control));
              } catch (RuntimeException e) {
                LOG.debug("dropping the subscriptions of {} failed: {}", sessionId, e.toString());
              }
            });
  }

  @Override
  public Set<String> subscribers(String uri) {
    return Set.copyOf(redis.run(r -> r.smembers(uriKeyPrefix() + uri)));
  }

  @Override
  public Set<String> uris() {
    return Set.copyOf(redis.run(r -> r.smembers(urisKey())));
  }

  @Override
  public Registration listen(Listener listener) {
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }

  /** A control message; true when it was about subscriptions. */
  boolean onControl(String message) {
    if (message.startsWith("followed ")) {
      String uri = message.substring("followed ".length());
      relay.execute(() -> listeners.forEach(l -> l.followed(uri)));
      return true;
    }
    if (message.startsWith("abandoned ")) {
      String uri = message.substring("abandoned ".length());
      relay.execute(() -> listeners.forEach(l -> l.abandoned(uri)));
      return true;
    }
    return false;
  }

  void close() {
    relay.shutdownNow();
  }
}
