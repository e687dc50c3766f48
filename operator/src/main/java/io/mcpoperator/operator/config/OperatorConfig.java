package io.mcpoperator.operator.config;

import io.helidon.config.Config;
import io.mcpoperator.operator.desired.ChildSettings;
import io.mcpoperator.operator.mcpregistry.RuntimeImages;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The operator's settings, read once at startup from {@code application.yaml} (key {@code
 * operator}) with environment variables taking precedence. Nothing below {@code Main} reads
 * configuration itself.
 *
 * @param childSettings what the desired-state functions need (gateway image, port, defaults)
 * @param watchNamespaces namespaces to watch; empty means all namespaces
 * @param leaderElection lease settings
 * @param healthHost address of the health/metrics server
 * @param healthPort port of {@code /observe/health} and {@code /observe/metrics}
 * @param deletionTimeout how long a deleted MCPServer waits for its pods before its finalizer goes
 * @param resyncPeriod how often every cached object is reconciled again without an event
 * @param workers concurrent reconciles
 * @param crdDiscoveryInterval how often the operator asks which of its CRDs are installed, so that
 *     a CRD installed (or removed) later is picked up without a restart
 * @param runtimeImages the images npm ({@code npx}) and PyPI ({@code uvx}) registry entries run in
 */
public record OperatorConfig(
    ChildSettings childSettings,
    List<String> watchNamespaces,
    LeaderElectionConfig leaderElection,
    String healthHost,
    int healthPort,
    Duration deletionTimeout,
    Duration resyncPeriod,
    int workers,
    Duration crdDiscoveryInterval,
    RuntimeImages runtimeImages) {

  /** Settings with the default images for npm and PyPI registry entries. */
  public OperatorConfig(
      ChildSettings childSettings,
      List<String> watchNamespaces,
      LeaderElectionConfig leaderElection,
      String healthHost,
      int healthPort,
      Duration deletionTimeout,
      Duration resyncPeriod,
      int workers,
      Duration crdDiscoveryInterval) {
    this(
        childSettings,
        watchNamespaces,
        leaderElection,
        healthHost,
        healthPort,
        deletionTimeout,
        resyncPeriod,
        workers,
        crdDiscoveryInterval,
        RuntimeImages.defaults());
  }

  /** How often installed CRDs are looked up when not configured. */
  public static final Duration DEFAULT_CRD_DISCOVERY_INTERVAL = Duration.ofSeconds(30);

  public OperatorConfig {
    watchNamespaces = List.copyOf(watchNamespaces);
  }

  /** Settings with the default CRD discovery interval. */
  public OperatorConfig(
      ChildSettings childSettings,
      List<String> watchNamespaces,
      LeaderElectionConfig leaderElection,
      String healthHost,
      int healthPort,
      Duration deletionTimeout,
      Duration resyncPeriod,
      int workers) {
    this(
        childSettings,
        watchNamespaces,
        leaderElection,
        healthHost,
        healthPort,
        deletionTimeout,
        resyncPeriod,
        workers,
        DEFAULT_CRD_DISCOVERY_INTERVAL);
  }

  /** The same settings with another CRD discovery interval. */
  public OperatorConfig withCrdDiscoveryInterval(Duration interval) {
    return new OperatorConfig(
        childSettings,
        watchNamespaces,
        leaderElection,
        healthHost,
        healthPort,
        deletionTimeout,
        resyncPeriod,
        workers,
        interval);
  }

  /** Lease-based leader election settings. */
  public record LeaderElectionConfig(
      boolean enabled,
      String leaseName,
      String leaseNamespace,
      String identity,
      Duration leaseDuration,
      Duration renewDeadline,
      Duration retryPeriod) {}

  /**
   * Reads the settings; throws {@link IllegalArgumentException} naming the setting when a value is
   * malformed.
   */
  public static OperatorConfig load(Config root, Map<String, String> env) {
    Settings s = new Settings(root.get("operator"), env);
    ChildSettings defaults = ChildSettings.defaults();
    ChildSettings child =
        new ChildSettings(
            s.string("RELATED_IMAGE_GATEWAY", "gateway.image").orElse(defaults.gatewayImage()),
            s.port("GATEWAY_PORT", "gateway.port", defaults.gatewayPort()),
            defaults.gatewayResources(),
            defaults.defaultServerResources(),
            s.string("IMAGE_PULL_POLICY", "gateway.image-pull-policy")
                .orElse(defaults.imagePullPolicy()));
    LeaderElectionConfig election =
        new LeaderElectionConfig(
            s.bool("LEADER_ELECTION_ENABLED", "leader-election.enabled", true),
            s.string("LEASE_NAME", "leader-election.lease-name").orElse("mcp-operator-leader"),
            s.string("LEASE_NAMESPACE", "leader-election.lease-namespace")
                .or(() -> Optional.ofNullable(env.get("POD_NAMESPACE")).filter(v -> !v.isBlank()))
                .orElse("default"),
            Optional.ofNullable(env.get("POD_NAME"))
                .filter(v -> !v.isBlank())
                .orElseGet(() -> "mcp-operator-" + UUID.randomUUID()),
            s.duration("LEASE_DURATION", "leader-election.lease-duration", Duration.ofSeconds(15)),
            s.duration(
                "LEASE_RENEW_DEADLINE", "leader-election.renew-deadline", Duration.ofSeconds(10)),
            s.duration(
                "LEASE_RETRY_PERIOD", "leader-election.retry-period", Duration.ofSeconds(2)));
    return new OperatorConfig(
        child,
        namespaces(s.string("WATCH_NAMESPACES", "watch-namespaces").orElse("")),
        election,
        s.string("HEALTH_HOST", "health.host").orElse("0.0.0.0"),
        s.port("HEALTH_PORT", "health.port", 8081),
        s.duration("DELETION_TIMEOUT", "deletion-timeout", Duration.ofSeconds(60)),
        s.duration("RESYNC_PERIOD", "resync-period", Duration.ofMinutes(5)),
        s.positive("WORKERS", "workers", 4),
        s.duration(
            "CRD_DISCOVERY_INTERVAL", "crd-discovery-interval", DEFAULT_CRD_DISCOVERY_INTERVAL),
        new RuntimeImages(
            s.string("RELATED_IMAGE_NODE", "registry.node-image")
                .orElse(RuntimeImages.DEFAULT_NODE),
            s.string("RELATED_IMAGE_UV", "registry.uv-image").orElse(RuntimeImages.DEFAULT_UV)));
  }

  private static List<String> namespaces(String list) {
    return Arrays.stream(list.split(",")).map(String::strip).filter(n -> !n.isEmpty()).toList();
  }
}
