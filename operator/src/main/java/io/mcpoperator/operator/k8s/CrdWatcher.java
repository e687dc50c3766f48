package io.mcpoperator.operator.k8s;

import io.kubernetes.client.openapi.ApiException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the informers of the operator's own kinds in step with the CRDs installed: asks {@link
 * CrdDiscovery} at start and then every {@code interval}, starts the informers of a kind whose CRD
 * appeared and stops those of one that went. Each missing CRD is logged once, in one line, when it
 * is found missing; each appearance once at INFO. After a change, once the new informers have
 * listed their objects, {@code onChange} is told (to reconcile what depends on those kinds).
 */
public final class CrdWatcher implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(CrdWatcher.class);
  private static final Duration SYNC_WAIT = Duration.ofSeconds(60);

  private final CrdDiscovery discovery;
  private final ClusterCache cache;
  private final Duration interval;
  private final Consumer<ClusterCache.Changes> onChange;
  private volatile Optional<String> lastFailure = Optional.empty();
  private volatile Thread thread;
  private volatile boolean closed;

  public CrdWatcher(
      CrdDiscovery discovery,
      ClusterCache cache,
      Duration interval,
      Consumer<ClusterCache.Changes> onChange) {
    this.discovery = discovery;
    this.cache = cache;
    this.interval = interval;
    this.onChange = onChange;
  }

  /**
   * Looks up the installed CRDs, starts the cache with their kinds, and checks again every interval
   * on a virtual thread. When the API server cannot answer, every kind is assumed installed (the
   * informers then retry on their own) until a later check knows better.
   */
  public synchronized void start() {
    InstalledKinds kinds = discover().orElseGet(InstalledKinds::all);
    kinds.missing().forEach(CrdWatcher::logMissing);
    cache.start(kinds);
    thread = Thread.ofVirtual().name("crd-discovery").start(this::loop);
  }

  /** The CRDs of the operator's kinds whose informers are not running. */
  public List<String> missingCrds() {
    return cache.installed().missingCrds();
  }

  private void loop() {
    while (!closed) {
      try {
        Thread.sleep(interval);
        check();
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        LOG.warn("CRD discovery check failed: {}", ReflectorFailures.describe(e));
      }
    }
  }

  /** One discovery round: start and stop informers as the installed CRDs say. */
  void check() throws InterruptedException {
    Optional<InstalledKinds> found = discover();
    if (found.isEmpty() || closed) {
      return;
    }
    ClusterCache.Changes changes;
    synchronized (this) {
      changes = cache.update(found.get());
    }
    if (changes.isEmpty()) {
      return;
    }
    changes.stopped().forEach(CrdWatcher::logMissing);
    changes
        .started()
        .forEach(
            t ->
                LOG.info(
                    "CRD {} is installed now: {}s are {}",
                    t.crdName(),
                    t.kind(),
                    ResourceType.MCP_SERVER.equals(t) ? "reconciled" : "aggregated"));
    awaitListed(changes.started());
    onChange.accept(changes);
  }

  private void awaitListed(List<ResourceType> started) throws InterruptedException {
    long deadline = System.nanoTime() + SYNC_WAIT.toNanos();
    while (!closed
        && !started.stream().allMatch(cache.available()::has)
        && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
  }

  private Optional<InstalledKinds> discover() {
    try {
      InstalledKinds kinds = discovery.discover();
      if (lastFailure.isPresent()) {
        LOG.info("CRD discovery answers again");
        lastFailure = Optional.empty();
      }
      return Optional.of(kinds);
    } catch (ApiException | RuntimeException e) {
      String cause = ReflectorFailures.describe(e);
      if (!lastFailure.equals(Optional.of(cause))) {
        LOG.warn(
            "CRD discovery (GET /apis/{}/{}) failed: {}; trying again every {}s, repeats not logged",
            ResourceType.MCP_SERVER.group(),
            ResourceType.MCP_SERVER.version(),
            cause,
            interval.toSeconds());
        lastFailure = Optional.of(cause);
      }
      return Optional.empty();
    }
  }

  private static void logMissing(ResourceType type) {
    if (ResourceType.MCP_SERVER.equals(type)) {
      LOG.warn(
          "CRD {} is not installed: no MCPServer is reconciled until it is, and the operator"
              + " reports not ready",
          type.crdName());
    } else {
      LOG.warn(
          "CRD {} is not installed: {}s are not aggregated until it is",
          type.crdName(),
          type.kind());
    }
  }

  @Override
  public void close() {
    closed = true;
    Thread t = thread;
    if (t != null) {
      t.interrupt();
    }
  }
}
