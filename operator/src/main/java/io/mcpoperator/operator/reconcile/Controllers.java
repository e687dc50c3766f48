package io.mcpoperator.operator.reconcile;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.kubernetes.client.extended.controller.reconciler.Request;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesObject;
import io.mcpoperator.operator.config.OperatorConfig;
import io.mcpoperator.operator.image.ImageConfigs;
import io.mcpoperator.operator.k8s.ClusterCache;
import io.mcpoperator.operator.k8s.CrdDiscovery;
import io.mcpoperator.operator.k8s.CrdWatcher;
import io.mcpoperator.operator.k8s.ResourceType;
import io.mcpoperator.operator.k8s.ShadowProbes;
import io.mcpoperator.operator.k8s.StatusWriter;
import io.mcpoperator.operator.web.ReconcileMetrics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Every controller of a leading operator over one set of informer caches: MCPServers, and the
 * MCPTools, MCPPrompts and MCPResources they select, wired by {@link AggregationEvents}, and
 * MCPRegistries ({@link McpRegistryReconciler}). Only the kinds whose CRD is installed are cached
 * ({@link CrdWatcher}); when a selected kind's CRD comes or goes, every MCPServer with a
 * toolSelector is reconciled again.
 */
final class Controllers implements AutoCloseable {
  private final ClusterCache cache;
  private final ShadowProbes probes;
  private final ImageConfigs images;
  private final CrdWatcher crds;
  private final McpServerController servers;
  private final Map<ResourceType, QueuedController> members = new LinkedHashMap<>();
  private final QueuedController registries;

  Controllers(
      ReconcileContext context,
      ReconcileMetrics serverMetrics,
      OperatorConfig config,
      CrdDiscovery discovery,
      io.kubernetes.client.openapi.ApiClient client) {
    this.cache = context.cache();
    this.servers =
        new McpServerController(
            cache, new McpServerReconciler(context, serverMetrics), config.workers());
    Members observed = new Members(cache);
    MemberStatuses statuses = new MemberStatuses(observed, context.clock());
    StatusWriter writer = context.statusWriter();
    add(ResourceType.MCP_TOOL, statuses::tool, writer);
    add(ResourceType.MCP_PROMPT, statuses::prompt, writer);
    add(ResourceType.MCP_RESOURCE, statuses::resource, writer);
    AggregationEvents.wire(cache, observed, servers, members);
    this.probes = context.probes();
    probes.onChange((namespace, name) -> servers.enqueue(new Request(namespace, name)));
    this.images = context.images();
    images.onResolved((namespace, name) -> servers.enqueue(new Request(namespace, name)));
    this.registries =
        new QueuedController(
            "mcpregistry",
            new McpRegistryReconciler(client, cache, writer, context.events(), context.clock()),
            1,
            cache::synced);
    cache.onTransition(
        ResourceType.MCP_REGISTRY,
        (before, after) ->
            after
                .or(() -> before)
                .ifPresent(
                    o -> {
                      String namespace = o.getMetadata().getNamespace();
                      String name = o.getMetadata().getName();
                      registries.enqueue(new Request(namespace, name));
                      namingRegistry(namespace, name)
                          .forEach(server -> servers.enqueue(new Request(namespace, server)));
                    }));
    this.crds = new CrdWatcher(discovery, cache, config.crdDiscoveryInterval(), this::kindsChanged);
  }

  private void kindsChanged(ClusterCache.Changes changes) {
    boolean members =
        changes.started().stream().anyMatch(ResourceType.MEMBERS::contains)
            || changes.stopped().stream().anyMatch(ResourceType.MEMBERS::contains);
    if (!members) {
      return;
    }
    for (DynamicKubernetesObject server : cache.listAll(ResourceType.MCP_SERVER)) {
      if (selects(server)) {
        servers.enqueue(
            new Request(server.getMetadata().getNamespace(), server.getMetadata().getName()));
      }
    }
  }

  /** The MCPServers of {@code namespace} whose spec.registry.registryRef names {@code registry}. */
  private List<String> namingRegistry(String namespace, String registry) {
    return cache.list(ResourceType.MCP_SERVER, namespace).stream()
        .filter(s -> registry.equals(registryRef(s.getRaw())))
        .map(s -> s.getMetadata().getName())
        .toList();
  }

  private static String registryRef(JsonObject server) {
    JsonElement ref = server;
    for (String field : List.of("spec", "registry", "registryRef", "name")) {
      if (ref == null || !ref.isJsonObject()) {
        return null;
      }
      ref = ref.getAsJsonObject().get(field);
    }
    return ref != null && ref.isJsonPrimitive() ? ref.getAsString() : null;
  }

  private static boolean selects(DynamicKubernetesObject server) {
    JsonElement spec = server.getRaw().get("spec");
    return spec != null && spec.isJsonObject() && spec.getAsJsonObject().has("toolSelector");
  }

  private void add(
      ResourceType type, Function<JsonObject, JsonObject> status, StatusWriter writer) {
    String name = type.kind().toLowerCase(Locale.ROOT);
    members.put(
        type,
        new QueuedController(
            name,
            new MemberReconciler(type, status, cache, writer, ReconcileMetrics.of(name)),
            1,
            cache::synced));
  }

  /** Starts the informers of the installed kinds, then every controller; returns at once. */
  synchronized void start() {
    crds.start();
    servers.start();
    members.values().forEach(QueuedController::start);
    registries.start();
  }

  /** The caches have listed their objects, and MCPServers are among them (their CRD installed). */
  boolean synced() {
    return cache.synced() && cache.installed().has(ResourceType.MCP_SERVER);
  }

  /** The CRDs of the operator's kinds that are not installed. */
  List<String> missingCrds() {
    return crds.missingCrds();
  }

  boolean failed() {
    return servers.failed()
        || registries.failed()
        || members.values().stream().anyMatch(QueuedController::failed);
  }

  @Override
  public synchronized void close() {
    crds.close();
    probes.close();
    images.close();
    servers.close();
    members.values().forEach(QueuedController::close);
    registries.close();
    cache.close();
  }
}
