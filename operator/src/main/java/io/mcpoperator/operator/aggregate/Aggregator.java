package io.mcpoperator.operator.aggregate;

import io.kubernetes.client.openapi.models.V1LabelSelector;
import io.mcpoperator.operator.api.McpPrompt;
import io.mcpoperator.operator.api.McpResource;
import io.mcpoperator.operator.api.McpServer;
import io.mcpoperator.operator.api.McpTool;
import io.mcpoperator.operator.api.ResourceMeta;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Selects, for one MCPServer, the evaluated objects of its namespace that its {@code toolSelector}
 * matches; serves the ready ones, resolving name conflicts. Pure: equal inputs, equal output.
 */
public final class Aggregator {
  private Aggregator() {}

  /** The evaluated MCPTools, MCPPrompts and MCPResources a server may select from. */
  public record Candidates(
      List<Evaluated<ToolEntry>> tools,
      List<Evaluated<PromptEntry>> prompts,
      List<Evaluated<ResourceEntry>> resources) {
    public Candidates {
      tools = List.copyOf(tools);
      prompts = List.copyOf(prompts);
      resources = List.copyOf(resources);
    }

    public static Candidates none() {
      return new Candidates(List.of(), List.of(), List.of());
    }
  }

  public static Aggregation of(McpServer server, Candidates candidates) {
    Optional<V1LabelSelector> selector = server.spec().toolSelector();
    if (selector.isEmpty()) {
      return Aggregation.none();
    }
    List<Aggregation.NotReady> notReady = new ArrayList<>();
    List<Conflict> conflicts = new ArrayList<>();
    var tools = served("tool", server, candidates.tools(), notReady, conflicts);
    var prompts = served("prompt", server, candidates.prompts(), notReady, conflicts);
    var resources = served("resource", server, candidates.resources(), notReady, conflicts);
    notReady.sort(
        Comparator.comparing((Aggregation.NotReady n) -> n.source().kind())
            .thenComparing(n -> n.source().name()));
    return new Aggregation(true, tools, prompts, resources, conflicts, notReady);
  }

  /** True when {@code server} (not being deleted) selects the object with {@code member} meta. */
  public static boolean selects(McpServer server, ResourceMeta member) {
    return !server.meta().deleting()
        && !member.deleting()
        && server.meta().namespace().equals(member.namespace())
        && server
            .spec()
            .toolSelector()
            .map(s -> LabelSelectors.matches(s, member.labels()))
            .orElse(false);
  }

  /**
   * True when {@code server} (not being deleted) would select an object with these labels in {@code
   * namespace}, whatever the object's own state: routes events to the servers they affect.
   */
  public static boolean selectsLabels(
      McpServer server, String namespace, Map<String, String> labels) {
    return !server.meta().deleting()
        && server.meta().namespace().equals(namespace)
        && server.spec().toolSelector().map(s -> LabelSelectors.matches(s, labels)).orElse(false);
  }

  private static <E extends Entry> List<E> served(
      String kind,
      McpServer server,
      List<Evaluated<E>> candidates,
      List<Aggregation.NotReady> notReady,
      List<Conflict> conflicts) {
    List<E> ready = new ArrayList<>();
    for (Evaluated<E> candidate : candidates) {
      if (!selects(server, candidate.meta())) {
        continue;
      }
      candidate
          .entry()
          .ifPresentOrElse(
              ready::add,
              () ->
                  notReady.add(
                      new Aggregation.NotReady(
                          new Source(
                              kindOf(kind), candidate.meta().namespace(), candidate.meta().name()),
                          candidate.readiness().reason(),
                          candidate.readiness().message())));
    }
    Conflicts.Resolved<E> resolved = Conflicts.resolve(kind, ready);
    conflicts.addAll(resolved.conflicts());
    return resolved.served();
  }

  private static String kindOf(String kind) {
    return switch (kind) {
      case "tool" -> McpTool.KIND;
      case "prompt" -> McpPrompt.KIND;
      default -> McpResource.KIND;
    };
  }
}
