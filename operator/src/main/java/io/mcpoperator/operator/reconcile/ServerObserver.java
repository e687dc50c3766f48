package io.mcpoperator.operator.reconcile;

import com.google.gson.JsonObject;
import io.kubernetes.client.openapi.JSON;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1LocalObjectReference;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesObject;
import io.mcpoperator.operator.aggregate.Aggregator;
import io.mcpoperator.operator.api.McpServer;
import io.mcpoperator.operator.api.McpServerParser;
import io.mcpoperator.operator.api.ParsedServer;
import io.mcpoperator.operator.api.ResourceMeta;
import io.mcpoperator.operator.desired.Labels;
import io.mcpoperator.operator.desired.SpecValidator;
import io.mcpoperator.operator.image.Entrypoints;
import io.mcpoperator.operator.image.Resolution;
import io.mcpoperator.operator.k8s.ChildApplier;
import io.mcpoperator.operator.k8s.ClusterCache;
import io.mcpoperator.operator.k8s.InstalledKinds;
import io.mcpoperator.operator.k8s.ResourceType;
import io.mcpoperator.operator.k8s.ShadowProbes;
import io.mcpoperator.operator.mcpregistry.EntryResolution;
import io.mcpoperator.operator.plan.ObservedServer;
import io.mcpoperator.operator.plan.RegistryServers;
import io.mcpoperator.operator.status.Shadowed;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads, once and before any decision, what one reconcile of an MCPServer decides from: the server
 * from the informer cache (parsed and validated here, and only here), its members, Deployment and
 * pods, and what the image registry and the gateway's shadow probe last answered (both asked in the
 * background, never waited for).
 */
final class ServerObserver {
  private final ReconcileContext context;
  private final ClusterCache cache;
  private final Members members;

  ServerObserver(ReconcileContext context) {
    this.context = context;
    this.cache = context.cache();
    this.members = new Members(cache);
  }

  /** What is known of {@code namespace/name}; empty when the MCPServer no longer exists. */
  Optional<ObservedServer> observe(String namespace, String name) {
    return cache.get(ResourceType.MCP_SERVER, namespace, name).map(o -> observe(o.getRaw()));
  }

  private ObservedServer observe(JsonObject stored) {
    ParsedServer parsed =
        SpecValidator.validated(McpServerParser.parse(stored), context.settings());
    ResourceMeta meta = parsed.meta();
    Optional<McpServer> live =
        parsed instanceof ParsedServer.Valid valid && !meta.deleting()
            ? Optional.of(valid.server())
            : Optional.empty();
    boolean selecting = live.flatMap(s -> s.spec().toolSelector()).isPresent();
    Optional<EntryResolution> registry =
        live.filter(s -> s.spec().registry().isPresent()).map(context.registries()::resolve);
    Optional<McpServer> running = live.map(s -> running(s, registry));
    List<V1Pod> pods = pods(meta);
    return new ObservedServer(
        stored,
        parsed,
        selecting ? members.candidates(meta.namespace()) : Aggregator.Candidates.none(),
        unreadableKinds(),
        running.flatMap(this::resolve),
        deployment(meta),
        pods,
        shadowed(meta, running.filter(s -> selecting && s.spec().image().isPresent()), pods),
        OffsetDateTime.now(context.clock()),
        registry,
        live.flatMap(s -> context.auth().check(meta.namespace(), s.spec().auth())));
  }

  /**
   * The server as it will run: with the registry entry's run spec when it names one (the image
   * whose entrypoint may need reading is the entry's).
   */
  private static McpServer running(McpServer server, Optional<EntryResolution> registry) {
    return registry
        .flatMap(EntryResolution::spec)
        .map(spec -> RegistryServers.apply(server, spec))
        .orElse(server);
  }

  /** Where reading the image's entrypoint stands, for a stdio server without a command. */
  private Optional<Resolution> resolve(McpServer server) {
    if (!Entrypoints.needed(server.spec())) {
      return Optional.empty();
    }
    return Optional.of(
        context
            .images()
            .resolve(
                server.meta().namespace(),
                server.meta().name(),
                server.spec().imageReference().orElseThrow(),
                server.spec().imagePullSecrets().stream()
                    .map(V1LocalObjectReference::getName)
                    .filter(n -> n != null && !n.isEmpty())
                    .toList()));
  }

  /**
   * The member kinds that cannot be read, one sentence each: their CRD is not installed, or their
   * informer has not listed them yet (a CRD installed a moment ago).
   */
  private List<String> unreadableKinds() {
    InstalledKinds installed = cache.installed();
    InstalledKinds available = cache.available();
    return ResourceType.MEMBERS.stream()
        .filter(t -> !available.has(t))
        .map(
            t ->
                installed.has(t)
                    ? "CRD %s is installed but its %ss are not listed yet"
                        .formatted(t.crdName(), t.kind())
                    : "CRD %s is not installed".formatted(t.crdName()))
        .toList();
  }

  /**
   * What the gateway last reported as shadowed, for a live server with an image and a toolSelector
   * ({@code merging}); probes a ready pod in the background (never waits). Any other server is
   * forgotten by the probes.
   */
  private Optional<Shadowed> shadowed(
      ResourceMeta meta, Optional<McpServer> merging, List<V1Pod> pods) {
    if (merging.isEmpty()) {
      context.probes().forget(meta.namespace(), meta.name());
      return Optional.empty();
    }
    Optional<ShadowProbes.Target> target =
        pods.stream()
            .filter(ServerObserver::ready)
            .map(p -> p.getStatus().getPodIP())
            .sorted()
            .findFirst()
            .map(ip -> new ShadowProbes.Target(ip, configVersion(meta)));
    return context.probes().observe(meta.namespace(), meta.name(), target);
  }

  private static boolean ready(V1Pod pod) {
    return pod.getMetadata().getDeletionTimestamp() == null
        && pod.getStatus() != null
        && pod.getStatus().getPodIP() != null
        && pod.getStatus().getConditions() != null
        && pod.getStatus().getConditions().stream()
            .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
  }

  private String configVersion(ResourceMeta meta) {
    return cache.list(ResourceType.CONFIG_MAP, meta.namespace()).stream()
        .filter(c -> ChildApplier.isOwnedBy(c.getRaw(), meta))
        .map(c -> String.valueOf(c.getMetadata().getResourceVersion()))
        .findFirst()
        .orElse("");
  }

  private Optional<V1Deployment> deployment(ResourceMeta meta) {
    return cache.list(ResourceType.DEPLOYMENT, meta.namespace()).stream()
        .filter(d -> ChildApplier.isOwnedBy(d.getRaw(), meta))
        .findFirst()
        .map(d -> JSON.getGson().fromJson(d.getRaw(), V1Deployment.class));
  }

  private List<V1Pod> pods(ResourceMeta meta) {
    Map<String, String> selector = Labels.selector(meta);
    return cache.list(ResourceType.POD, meta.namespace()).stream()
        .filter(p -> matches(p, selector))
        .map(p -> JSON.getGson().fromJson(p.getRaw(), V1Pod.class))
        .toList();
  }

  private static boolean matches(DynamicKubernetesObject pod, Map<String, String> selector) {
    Map<String, String> labels = pod.getMetadata().getLabels();
    return labels != null && labels.entrySet().containsAll(selector.entrySet());
  }
}
