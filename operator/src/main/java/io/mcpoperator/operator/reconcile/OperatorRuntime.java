package io.mcpoperator.operator.reconcile;

import io.kubernetes.client.openapi.ApiClient;
import io.mcpoperator.operator.config.OperatorConfig;
import io.mcpoperator.operator.image.ImageConfigs;
import io.mcpoperator.operator.image.RegistryClient;
import io.mcpoperator.operator.k8s.AuthObjects;
import io.mcpoperator.operator.k8s.ChildApplier;
import io.mcpoperator.operator.k8s.ClusterCache;
import io.mcpoperator.operator.k8s.CrdDiscovery;
import io.mcpoperator.operator.k8s.EventRecorder;
import io.mcpoperator.operator.k8s.LeaderElection;
import io.mcpoperator.operator.k8s.RegistryCacheStore;
import io.mcpoperator.operator.k8s.SecretPullSecrets;
import io.mcpoperator.operator.k8s.ServerWriter;
import io.mcpoperator.operator.k8s.ShadowProbes;
import io.mcpoperator.operator.k8s.StatusWriter;
import io.mcpoperator.operator.mcpregistry.EntryMapping;
import io.mcpoperator.operator.mcpregistry.RegistryLookup;
import io.mcpoperator.operator.web.HealthSignals;
import io.mcpoperator.operator.web.ReconcileMetrics;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running operator: under leader election (when enabled) only the leader runs the controller; a
 * standby is healthy and ready, and takes over when the lease frees up. Losing the lease while
 * running makes the process unhealthy so that it restarts cleanly.
 */
public final class OperatorRuntime implements HealthSignals, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(OperatorRuntime.class);
  private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);
  private static final Duration PROBE_INTERVAL = Duration.ofSeconds(5);

  private final ApiClient client;
  private final ApiClient watchClient;
  private final OperatorConfig config;
  private final Clock clock;
  private final ReconcileMetrics metrics = ReconcileMetrics.of("mcpserver");
  private final Optional<LeaderElection> election;
  private volatile Controllers controller;
  private volatile boolean lostLease;
  private volatile boolean closing;

  /**
   * @param client for reads and writes (with timeouts)
   * @param watchClient for informers' watches (no read timeout)
   */
  public OperatorRuntime(
      ApiClient client, ApiClient watchClient, OperatorConfig config, Clock clock) {
    this.client = client;
    this.watchClient = watchClient;
    this.config = config;
    this.clock = clock;
    this.election =
        config.leaderElection().enabled()
            ? Optional.of(new LeaderElection(client, config.leaderElection()))
            : Optional.empty();
  }

  /** Starts leading or campaigning; returns at once. */
  public void start() {
    election.ifPresentOrElse(e -> e.start(this::lead, this::standDown), this::lead);
  }

  private synchronized void lead() {
    if (closing) {
      return;
    }
    LOG.info("starting controllers identity={}", config.leaderElection().identity());
    ClusterCache cache =
        new ClusterCache(watchClient, config.watchNamespaces(), config.resyncPeriod());
    ReconcileContext context =
        new ReconcileContext(
            cache,
            new ChildApplier(client, cache),
            new ServerWriter(client),
            new StatusWriter(client),
            new EventRecorder(client, config.leaderElection().identity(), clock),
            config.childSettings(),
            config.deletionTimeout(),
            clock,
            new ShadowProbes(config.childSettings().gatewayPort(), PROBE_TIMEOUT, PROBE_INTERVAL),
            new ImageConfigs(new RegistryClient(), new SecretPullSecrets(client), clock),
            new RegistryResolver(
                cache,
                new RegistryCacheStore(client),
                new RegistryLookup(new EntryMapping(config.runtimeImages()))),
            new AuthObjects(client));
    controller = new Controllers(context, metrics, config, new CrdDiscovery(client), client);
    controller.start();
  }

  private synchronized void standDown() {
    if (!closing) {
      LOG.error("lost the leader lease; stopping controllers and reporting unhealthy");
      lostLease = true;
    }
    stopController();
  }

  /** True while this instance runs the controllers. */
  public boolean leading() {
    return controller != null;
  }

  @Override
  public boolean live() {
    Controllers c = controller;
    return !lostLease && (c == null || !c.failed());
  }

  @Override
  public boolean ready() {
    Controllers c = controller;
    if (c != null) {
      return c.synced();
    }
    return election.map(LeaderElection::campaigning).orElse(false) && !lostLease;
  }

  @Override
  public List<String> missingCrds() {
    Controllers c = controller;
    return c == null ? List.of() : c.missingCrds();
  }

  @Override
  public String role() {
    return leading() ? "leader" : "standby";
  }

  /** Stops the controllers and releases the lease. */
  @Override
  public void close() {
    closing = true;
    election.ifPresent(LeaderElection::close);
    stopController();
  }

  private synchronized void stopController() {
    if (controller != null) {
      controller.close();
      controller = null;
      metrics.clear();
    }
  }
}
