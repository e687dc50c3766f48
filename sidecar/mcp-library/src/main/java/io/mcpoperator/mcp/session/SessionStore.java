package io.mcpoperator.mcp.session;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where client sessions and their server-sent events live. {@link InMemorySessionStore} serves one
 * replica; a shared store (Redis) lets any replica serve any session: it keeps the records (with a
 * local cache so validation is not a round trip per request), the event log (a capped stream per
 * session) and carries {@link #append appended} events to the replica whose connection {@link
 * #subscribe subscribed} (pub/sub).
 *
 * <p>Implementations are thread-safe. Calls may throw {@link SessionStoreUnavailableException} when
 * the backing service is unreachable; callers answer 503 and the store recovers by itself.
 */
public interface SessionStore extends AutoCloseable {

  /** Stores a new session. */
  void create(SessionRecord record);

  /** The live session with that id, refreshing its idle timer. */
  Optional<SessionRecord> find(String id);

  /** Replaces a session's record (e.g. after logging/setLevel). */
  void update(SessionRecord record);

  /** Ends a session everywhere; its subscriptions are closed. False when it did not exist. */
  boolean delete(String id);

  /**
   * Records an event on a stream of a session and hands it to that stream's subscriber, if any.
   *
   * @return the stored event (with its id)
   */
  StoredEvent append(String sessionId, String streamId, String data, boolean last);

  /**
   * Events of the same stream recorded after {@code lastEventId}, oldest first. An id with sequence
   * {@code 0} ({@code <streamId>.0}, sent to prime a stream) means "from the start".
   */
  List<StoredEvent> replay(String sessionId, String lastEventId);

  /**
   * Makes {@code listener} the receiver of the stream's new events, replacing (and closing) a
   * previous one.
   */
  Subscription subscribe(String sessionId, String streamId, EventListener listener);

  /**
   * Registers a listener told the id of every session that ends here (deleted or evicted), so the
   * transport can release what it holds for it.
   */
  void onSessionEnd(java.util.function.Consumer<String> listener);

  /**
   * Every live session, whichever replica created it or holds its streams: for server-wide
   * notifications. Not for the request path (a shared store answers it with a round trip).
   */
  List<SessionRecord> live();

  /**
   * Records that {@code sessionIds} are being told about {@code version} of {@code topic} and
   * returns those that had not been told that version yet. Atomic per session: when several
   * replicas announce the same change, each session is returned to exactly one of them.
   */
  Set<String> firstNotice(String topic, String version, Collection<String> sessionIds);

  /** The sessions' resource subscriptions; a session's end removes its own. */
  ResourceSubscriptions subscriptions();

  /** Number of live sessions (for metrics). */
  long size();

  /** True when the backing service answers (readiness). */
  default boolean reachable() {
    return true;
  }

  @Override
  default void close() {}

  /** Ends one subscription. */
  interface Subscription extends AutoCloseable {
    @Override
    void close();
  }
}
