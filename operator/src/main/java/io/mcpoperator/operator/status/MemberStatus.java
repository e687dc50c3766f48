package io.mcpoperator.operator.status;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.mcpoperator.operator.aggregate.Check;
import io.mcpoperator.operator.aggregate.Evaluated;
import io.mcpoperator.operator.aggregate.PromptEntry;
import io.mcpoperator.operator.aggregate.ResourceEntry;
import io.mcpoperator.operator.aggregate.ToolEntry;
import io.mcpoperator.operator.aggregate.ToolEvaluator;
import io.mcpoperator.operator.api.Condition;
import io.mcpoperator.operator.api.McpPrompt;
import io.mcpoperator.operator.api.McpResource;
import io.mcpoperator.operator.api.McpTool;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * The status of an MCPTool, MCPPrompt or MCPResource, as the JSON written to its status
 * subresource. Pure: the caller compares the result with the stored status and writes only when
 * they differ.
 */
public final class MemberStatus {
  private MemberStatus() {}

  /**
   * {@code ready}, {@code resolvedEndpoint} (once the Service resolved), {@code servers} (sorted
   * names of the MCPServers selecting the tool), {@code observedGeneration}, conditions.
   */
  public static JsonObject tool(
      Evaluated<ToolEntry> evaluated,
      Optional<McpTool> tool,
      List<String> servers,
      JsonObject previous,
      OffsetDateTime now) {
    JsonObject status = new JsonObject();
    status.addProperty("ready", evaluated.ready());
    boolean resolved =
        evaluated.conditions().stream().anyMatch(c -> c.ok() && "ServiceResolved".equals(c.type()));
    tool.filter(t -> resolved)
        .ifPresent(t -> status.addProperty("resolvedEndpoint", ToolEvaluator.endpoint(t)));
    JsonArray names = new JsonArray();
    servers.stream().sorted().forEach(names::add);
    status.add("servers", names);
    return withConditions(status, evaluated, previous, now);
  }

  /** {@code validated}, {@code variableCount} (declared variables), conditions. */
  public static JsonObject prompt(
      Evaluated<PromptEntry> evaluated,
      Optional<McpPrompt> prompt,
      JsonObject previous,
      OffsetDateTime now) {
    JsonObject status = new JsonObject();
    status.addProperty("validated", evaluated.ready());
    status.addProperty("variableCount", prompt.map(p -> p.variables().size()).orElse(0));
    return withConditions(status, evaluated, previous, now);
  }

  /** {@code ready}, {@code operationCount} (0 for inline content), conditions. */
  public static JsonObject resource(
      Evaluated<ResourceEntry> evaluated,
      Optional<McpResource> resource,
      JsonObject previous,
      OffsetDateTime now) {
    JsonObject status = new JsonObject();
    status.addProperty("ready", evaluated.ready());
    status.addProperty("operationCount", resource.map(r -> r.operations().size()).orElse(0));
    return withConditions(status, evaluated, previous, now);
  }

  private static JsonObject withConditions(
      JsonObject status, Evaluated<?> evaluated, JsonObject previous, OffsetDateTime now) {
    long generation = evaluated.meta().generation();
    status.addProperty("observedGeneration", generation);
    Conditions conditions = new Conditions(Condition.listOf(previous), generation, now);
    for (Check check : evaluated.conditions()) {
      conditions.set(check.type(), check.ok(), check.reason(), check.message());
    }
    JsonArray array = new JsonArray();
    conditions.list().forEach(c -> array.add(c.toJson()));
    status.add("conditions", array);
    return status;
  }
}
