package io.mcpoperator.gateway.proxy;

import io.mcpoperator.mcp.ServerIdentity;
import io.mcpoperator.mcp.jsonrpc.Json;
import io.mcpoperator.mcp.session.ResourceSubscriptions;
import io.mcpoperator.mcp.session.SessionStoreUnavailableException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one upstream connection subscribed to every resource some client session follows, whichever
 * replica recorded the subscription: the client sessions' subscriptions are in the shared {@link
 * ResourceSubscriptions}; this knows which of them the current upstream connection has been told. A
 * connection that (re)initializes — after a crash, or a new upstream after a reload — is subscribed
 * to all of them; a resource gaining its first subscriber on any replica is subscribed here too,
 * one losing its last is unsubscribed.
 */
final class UpstreamSubscriptions implements ResourceSubscriptions.Listener {
  private static final Logger LOG = LoggerFactory.getLogger(UpstreamSubscriptions.class);
  private final ResourceSubscriptions shared;
  private final BiConsumer<String, String> send;
  private final Set<String> told = ConcurrentHashMap.newKeySet();
  private volatile boolean connected;
  private volatile Optional<ResourceSubscriptions.Registration> registration = Optional.empty();

  /**
   * @param shared the client sessions' subscriptions
   * @param send sends {@code resources/subscribe} or {@code resources/unsubscribe} (first argument)
   *     for a URI (second) to the upstream
   */
  UpstreamSubscriptions(ResourceSubscriptions shared, BiConsumer<String, String> send) {
    this.shared = shared;
    this.send = send;
  }

  ResourceSubscriptions shared() {
    return shared;
  }

  /** Starts following the other replicas' subscriptions. */
  void start() {
    registration = Optional.of(shared.listen(this));
  }

  void close() {
    registration.ifPresent(ResourceSubscriptions.Registration::close);
    connected = false;
  }

  /** A new upstream connection finished initialize: tell it every followed resource. */
  void initialized(ServerIdentity identity) {
    told.clear();
    connected =
        Json.object(identity.capabilities(), "resources")
            .map(r -> r.getBoolean("subscribe", false))
            .orElse(false);
    if (!connected) {
      return;
    }
    try {
      Set<String> uris = shared.uris();
      uris.forEach(this::followed);
      if (!uris.isEmpty()) {
        LOG.info("subscribed the upstream again to {} resources clients follow", uris.size());
      }
    } catch (SessionStoreUnavailableException e) {
      LOG.warn("cannot subscribe the upstream again to followed resources: {}", e.getMessage());
    }
  }

  /** The connection is gone; the next one starts without subscriptions. */
  void disconnected() {
    connected = false;
    told.clear();
  }

  @Override
  public void followed(String uri) {
    if (connected && told.add(uri)) {
      send.accept("resources/subscribe", uri);
    }
  }

  @Override
  public void abandoned(String uri) {
    if (told.remove(uri)) {
      send.accept("resources/unsubscribe", uri);
    }
  }

  /** A client's {@code resources/subscribe}, forwarded to this upstream, succeeded. */
  void clientSubscribed(String uri, String sessionId) {
    told.add(uri);
    shared.subscribe(uri, sessionId);
  }

  /**
   * A client's {@code resources/unsubscribe}: true when it must go to the upstream (the session was
   * the last one following the resource), false to answer it here.
   */
  boolean clientUnsubscribing(String uri, String sessionId) {
    // when the store tells "abandoned" at once (in memory), that already unsubscribed upstream
    return shared.unsubscribe(uri, sessionId) && told.remove(uri);
  }

  /** A client session ended: its subscriptions go (resources left without one are abandoned). */
  void sessionEnded(String sessionId) {
    shared.sessionEnded(sessionId);
  }
}
