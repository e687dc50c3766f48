package io.mcpoperator.gateway.proxy;

import io.mcpoperator.gateway.upstream.Upstream;
import io.mcpoperator.mcp.McpBackend;
import io.mcpoperator.mcp.McpClients;
import io.mcpoperator.mcp.McpException;
import io.mcpoperator.mcp.McpRequest;
import io.mcpoperator.mcp.ServerIdentity;
import io.mcpoperator.mcp.jsonrpc.JsonRpcMessage;
import io.mcpoperator.mcp.session.ClientSession;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's upstream, replaceable while it runs ({@link #switchTo}, on a reloaded
 * configuration): the new upstream session starts (subscribed to every resource clients follow),
 * new requests go to it once it is initialized, requests in flight on the old one finish before it
 * is closed, and every client session hears {@code list_changed} for tools, prompts and resources —
 * once, although every replica switches. Client sessions and their subscriptions stay valid.
 */
public final class UpstreamSwitch implements McpBackend, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(UpstreamSwitch.class);
  private final Function<Upstream, UpstreamSession> sessions;
  private final Duration maxSpin;
  private final Set<Active> retiring = ConcurrentHashMap.newKeySet();
  private volatile Active current;
  private volatile McpClients clients;

  /** An upstream session and the requests running on it. */
  private record Active(UpstreamSession session, ProxyBackend backend, AtomicInteger running) {
    static Active of(UpstreamSession session, Duration maxSpin) {
      return new Active(session, new ProxyBackend(session, maxSpin), new AtomicInteger());
    }
  }

  /**
   * @param first the upstream to start with
   * @param sessions makes the gateway's session with an upstream
   * @param maxSpin the longest a request thread spins for a fast answer (see {@link ResponseWait})
   */
  public UpstreamSwitch(
      Upstream first, Function<Upstream, UpstreamSession> sessions, Duration maxSpin) {
    this.sessions = sessions;
    this.maxSpin = maxSpin;
    this.current = Active.of(sessions.apply(first), maxSpin);
  }

  /** The upstream session new requests go to. */
  public UpstreamSession session() {
    return current.session();
  }

  public boolean ready() {
    return current.session().ready();
  }

  /**
   * Starts {@code next} and sends new requests to it once it is initialized (or when {@code
   * startWait} passed: the configuration names it, so it is used even if it is slow or broken); the
   * old upstream is closed when its requests finish, at most {@code drainWait} later.
   *
   * @param change identifies the new configuration (the same on every replica, e.g. its hash): each
   *     client session hears the lists changed once per change, whichever replica tells it first
   */
  public synchronized void switchTo(
      Upstream next, String change, Duration startWait, Duration drainWait)
      throws InterruptedException {
    Active fresh = Active.of(sessions.apply(next), maxSpin);
    McpClients bound = clients;
    if (bound != null) {
      fresh.backend().bind(bound);
    }
    if (!fresh.session().awaitReady(startWait)) {
      LOG.warn(
          "new upstream {} not initialized after {} s; switching to it anyway",
          next.describe(),
          startWait.toSeconds());
    }
    Active old = current;
    current = fresh;
    LOG.info(
        "upstream switched from {} to {}", old.session().upstream().describe(), next.describe());
    fresh.session().notifications().upstreamReplaced(change);
    retiring.add(old);
    Thread.ofVirtual().name("upstream-retire").start(() -> retire(old, drainWait));
  }

  private void retire(Active old, Duration drainWait) {
    long deadline = System.nanoTime() + drainWait.toNanos();
    try {
      synchronized (old) {
        while (old.running().get() > 0 && deadline - System.nanoTime() > 0) {
          old.wait(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (old.running().get() > 0) {
      LOG.warn("closing the previous upstream with {} requests still running", old.running().get());
    }
    old.session().close();
    retiring.remove(old);
  }

  @Override
  public void bind(McpClients clients) {
    this.clients = clients;
    current.backend().bind(clients);
  }

  @Override
  public ServerIdentity identity() throws McpException {
    return current.backend().identity();
  }

  @Override
  public JsonObject handle(McpRequest request) throws McpException {
    Active active = enter();
    try {
      return active.backend().handle(request);
    } finally {
      exit(active);
    }
  }

  private static void exit(Active active) {
    if (active.running().decrementAndGet() == 0) {
      synchronized (active) {
        active.notifyAll();
      }
    }
  }

  /** Counts a request on the current upstream (re-reading it if a switch happened meanwhile). */
  private Active enter() {
    while (true) {
      Active active = current;
      active.running().incrementAndGet();
      if (active == current) {
        return active;
      }
      exit(active);
    }
  }

  @Override
  public void onNotification(ClientSession session, JsonRpcMessage.Notification notification) {
    current.backend().onNotification(session, notification);
  }

  @Override
  public void onSessionEnd(String sessionId) {
    current.backend().onSessionEnd(sessionId);
  }

  @Override
  public void close() {
    current.session().close();
    retiring.forEach(a -> a.session().close());
  }
}
