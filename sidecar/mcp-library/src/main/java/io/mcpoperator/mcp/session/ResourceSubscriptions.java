package io.mcpoperator.mcp.session;

import java.util.Set;

/**
 * Which client sessions follow which resources ({@code resources/subscribe}), kept where the
 * sessions are: with a shared store every replica sees every subscription, so any replica's
 * upstream can tell the subscribers about a change, and every replica keeps its own upstream
 * subscribed to each resource that has a subscriber ({@link #listen}). A session's subscriptions
 * end with it (DELETE, idle expiry).
 *
 * <p>Implementations are thread-safe; a shared one may throw {@link
 * SessionStoreUnavailableException}.
 */
public interface ResourceSubscriptions {

  /**
   * Records that {@code sessionId} follows {@code uri}.
   *
   * @return true when no session followed {@code uri} before (listeners hear {@link
   *     Listener#followed})
   */
  boolean subscribe(String uri, String sessionId);

  /**
   * Removes a subscription.
   *
   * @return true when {@code sessionId} was the last session following {@code uri} (listeners hear
   *     {@link Listener#abandoned}); false when others still follow it or it was not subscribed
   */
  boolean unsubscribe(String uri, String sessionId);

  /** Removes every subscription of a session that ended. */
  void sessionEnded(String sessionId);

  /** The sessions following {@code uri}. */
  Set<String> subscribers(String uri);

  /** Every resource at least one session follows. */
  Set<String> uris();

  /**
   * Tells {@code listener}, on every replica (this one included, possibly after the call that
   * caused it returned), when a resource gains its first subscriber or loses its last.
   */
  Registration listen(Listener listener);

  /** Hears resources gaining their first or losing their last subscriber. Must not block long. */
  interface Listener {
    void followed(String uri);

    void abandoned(String uri);
  }

  /** Stops a listener. */
  interface Registration extends AutoCloseable {
    @Override
    void close();
  }
}
