package io.mcpoperator.operator.reconcile;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.kubernetes.client.extended.controller.reconciler.Request;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesObject;
import io.mcpoperator.operator.aggregate.Aggregator;
import io.mcpoperator.operator.api.McpServer;
import io.mcpoperator.operator.api.McpServerParser;
import io.mcpoperator.operator.api.ParsedServer;
import io.mcpoperator.operator.k8s.ClusterCache;
import io.mcpoperator.operator.k8s.ResourceType;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Routes cache events to the reconciles they affect, and to no others:
 *
 * <ul>
 *   <li>an MCPTool/MCPPrompt/MCPResource event → that object; and, when it was added, deleted, or
 *       its spec, labels or readiness changed, the MCPServers of its namespace whose selector
 *       matches its labels before or after the change;
 *   <li>a Service event → the MCPTools and MCPResources that call it (an informer index);
 *   <li>an MCPServer event that changes what it selects → the MCPTools it selected or selects
 *       (their {@code status.servers}).
 * </ul>
 */
final class AggregationEvents {
  private final ClusterCache cache;
  private final Members members;
  private final McpServerController servers;
  private final Map<ResourceType, QueuedController> memberQueues;

  private AggregationEvents(
      ClusterCache cache,
      Members members,
      McpServerController servers,
      Map<ResourceType, QueuedController> memberQueues) {
    this.cache = cache;
    this.members = members;
    this.servers = servers;
    this.memberQueues = memberQueues;
  }

  static void wire(
      ClusterCache cache,
      Members members,
      McpServerController servers,
      Map<ResourceType, QueuedController> memberQueues) {
    AggregationEvents events = new AggregationEvents(cache, members, servers, memberQueues);
    for (ResourceType type : ResourceType.MEMBERS) {
      cache.onTransition(type, (before, after) -> events.member(type, before, after));
    }
    cache.onTransition(ResourceType.SERVICE, events::service);
    cache.onTransition(ResourceType.MCP_SERVER, events::server);
  }

  private void member(
      ResourceType type,
      Optional<DynamicKubernetesObject> before,
      Optional<DynamicKubernetesObject> after) {
    DynamicKubernetesObject object = after.or(() -> before).orElseThrow();
    String namespace = object.getMetadata().getNamespace();
    memberQueues.get(type).enqueue(new Request(namespace, object.getMetadata().getName()));
    if (before.isPresent() && after.isPresent() && !servedChange(before.get(), after.get())) {
      return;
    }
    for (McpServer server : members.servers(namespace)) {
      if (Stream.of(before, after)
          .flatMap(Optional::stream)
          .anyMatch(o -> Aggregator.selectsLabels(server, namespace, labels(o)))) {
        servers.enqueue(new Request(namespace, server.meta().name()));
      }
    }
  }

  private void service(
      Optional<DynamicKubernetesObject> before, Optional<DynamicKubernetesObject> after) {
    DynamicKubernetesObject service = after.or(() -> before).orElseThrow();
    String namespace = service.getMetadata().getNamespace();
    String name = service.getMetadata().getName();
    for (ResourceType type : List.of(ResourceType.MCP_TOOL, ResourceType.MCP_RESOURCE)) {
      for (DynamicKubernetesObject caller : cache.callersOf(type, namespace, name)) {
        memberQueues
            .get(type)
            .enqueue(
                new Request(caller.getMetadata().getNamespace(), caller.getMetadata().getName()));
      }
    }
  }

  private void server(
      Optional<DynamicKubernetesObject> before, Optional<DynamicKubernetesObject> after) {
    if (before.isPresent()
        && after.isPresent()
        && Objects.equals(selection(before.get()), selection(after.get()))) {
      return;
    }
    DynamicKubernetesObject object = after.or(() -> before).orElseThrow();
    String namespace = object.getMetadata().getNamespace();
    String name = object.getMetadata().getName();
    Optional<McpServer> old = before.flatMap(AggregationEvents::parse);
    Optional<McpServer> now = after.flatMap(AggregationEvents::parse);
    for (DynamicKubernetesObject tool : cache.list(ResourceType.MCP_TOOL, namespace)) {
      Map<String, String> labels = labels(tool);
      boolean affected =
          Stream.of(old, now)
                  .flatMap(Optional::stream)
                  .anyMatch(s -> Aggregator.selectsLabels(s, namespace, labels))
              || listedServers(tool).contains("\"" + name + "\"");
      if (affected) {
        memberQueues
            .get(ResourceType.MCP_TOOL)
            .enqueue(new Request(namespace, tool.getMetadata().getName()));
      }
    }
  }

  /** Spec, labels, deletion or readiness differ: what a selecting server serves may change. */
  static boolean servedChange(DynamicKubernetesObject before, DynamicKubernetesObject after) {
    return !Objects.equals(before.getRaw().get("spec"), after.getRaw().get("spec"))
        || !Objects.equals(labels(before), labels(after))
        || !Objects.equals(
            before.getMetadata().getDeletionTimestamp(), after.getMetadata().getDeletionTimestamp())
        || !Objects.equals(readiness(before), readiness(after));
  }

  /** What decides which objects a server selects: its selector and whether it is being deleted. */
  private static String selection(DynamicKubernetesObject server) {
    JsonElement spec = server.getRaw().get("spec");
    JsonElement selector =
        spec != null && spec.isJsonObject() ? spec.getAsJsonObject().get("toolSelector") : null;
    return selector + "|" + (server.getMetadata().getDeletionTimestamp() != null);
  }

  private static String readiness(DynamicKubernetesObject member) {
    JsonElement status = member.getRaw().get("status");
    if (status == null || !status.isJsonObject()) {
      return "";
    }
    JsonObject s = status.getAsJsonObject();
    return s.get("ready") + "|" + s.get("validated");
  }

  private static String listedServers(DynamicKubernetesObject tool) {
    JsonElement status = tool.getRaw().get("status");
    JsonElement servers =
        status != null && status.isJsonObject() ? status.getAsJsonObject().get("servers") : null;
    return servers == null ? "" : servers.toString();
  }

  private static Map<String, String> labels(DynamicKubernetesObject object) {
    Map<String, String> labels = object.getMetadata().getLabels();
    return labels == null ? Map.of() : labels;
  }

  private static Optional<McpServer> parse(DynamicKubernetesObject server) {
    return McpServerParser.parse(server.getRaw()) instanceof ParsedServer.Valid valid
        ? Optional.of(valid.server())
        : Optional.empty();
  }
}
