package io.mcpoperator.operator.reconcile;

import com.google.gson.JsonObject;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesObject;
import io.mcpoperator.operator.aggregate.Aggregator;
import io.mcpoperator.operator.aggregate.Evaluated;
import io.mcpoperator.operator.aggregate.PromptEntry;
import io.mcpoperator.operator.aggregate.PromptEvaluator;
import io.mcpoperator.operator.aggregate.ResourceEntry;
import io.mcpoperator.operator.aggregate.ResourceEvaluator;
import io.mcpoperator.operator.aggregate.ServiceDirectory;
import io.mcpoperator.operator.aggregate.ToolEntry;
import io.mcpoperator.operator.aggregate.ToolEvaluator;
import io.mcpoperator.operator.api.McpServer;
import io.mcpoperator.operator.api.McpServerParser;
import io.mcpoperator.operator.api.ParsedServer;
import io.mcpoperator.operator.api.PromptParser;
import io.mcpoperator.operator.api.ResourceParser;
import io.mcpoperator.operator.api.ToolParser;
import io.mcpoperator.operator.k8s.CachedServices;
import io.mcpoperator.operator.k8s.ClusterCache;
import io.mcpoperator.operator.k8s.ResourceType;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Observes aggregation from the informer caches: the evaluated MCPTools, MCPPrompts and
 * MCPResources of a namespace, and its MCPServers. Selection runs here over cached objects, never
 * as an API label-selector query.
 */
final class Members {
  private final ClusterCache cache;
  private final ServiceDirectory services;

  Members(ClusterCache cache) {
    this.cache = cache;
    this.services = new CachedServices(cache);
  }

  ServiceDirectory services() {
    return services;
  }

  Aggregator.Candidates candidates(String namespace) {
    return new Aggregator.Candidates(
        evaluate(ResourceType.MCP_TOOL, namespace, this::tool),
        evaluate(ResourceType.MCP_PROMPT, namespace, Members::prompt),
        evaluate(ResourceType.MCP_RESOURCE, namespace, this::resource));
  }

  Evaluated<ToolEntry> tool(JsonObject raw) {
    return ToolEvaluator.evaluate(ToolParser.parse(raw), services);
  }

  static Evaluated<PromptEntry> prompt(JsonObject raw) {
    return PromptEvaluator.evaluate(PromptParser.parse(raw));
  }

  Evaluated<ResourceEntry> resource(JsonObject raw) {
    return ResourceEvaluator.evaluate(ResourceParser.parse(raw), services);
  }

  /** The MCPServers of a namespace whose spec parses (an invalid one selects nothing). */
  List<McpServer> servers(String namespace) {
    return cache.list(ResourceType.MCP_SERVER, namespace).stream()
        .map(o -> McpServerParser.parse(o.getRaw()))
        .flatMap(p -> p instanceof ParsedServer.Valid v ? Stream.of(v.server()) : Stream.empty())
        .toList();
  }

  private <T> List<T> evaluate(
      ResourceType type, String namespace, Function<JsonObject, T> evaluator) {
    return cache.list(type, namespace).stream()
        .map(DynamicKubernetesObject::getRaw)
        .map(evaluator)
        .toList();
  }
}
