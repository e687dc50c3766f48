package io.mcpoperator.operator.reconcile;

import com.google.gson.JsonObject;
import io.kubernetes.client.extended.controller.reconciler.Request;
import io.mcpoperator.operator.config.OperatorConfig;
import io.mcpoperator.operator.k8s.ClusterCache;
import io.mcpoperator.operator.k8s.ResourceType;
import io.mcpoperator.operator.k8s.ShadowProbes;
import io.mcpoperator.operator.k8s.StatusWriter;
import io.mcpoperator.operator.web.ReconcileMetrics;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Every controller of a leading operator over one set of informer caches: MCPServers, and the
 * MCPTools, MCPPrompts and MCPResources they select, wired by {@link AggregationEvents}.
 */
final class Controllers implements AutoCloseable {
  private final ClusterCache cache;
  private final ShadowProbes probes;
  private final McpServerController servers;
  private final Map<ResourceType, QueuedController> members = new LinkedHashMap<>();

  Controllers(ReconcileContext context, ReconcileMetrics serverMetrics, OperatorConfig config) {
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

  /** Starts the informers, then every controller; returns at once. */
  synchronized void start() {
    cache.start();
    servers.start();
    members.values().forEach(QueuedController::start);
  }

  boolean synced() {
    return cache.synced();
  }

  boolean failed() {
    return servers.failed() || members.values().stream().anyMatch(QueuedController::failed);
  }

  @Override
  public synchronized void close() {
    probes.close();
    servers.close();
    members.values().forEach(QueuedController::close);
    cache.close();
  }
}
