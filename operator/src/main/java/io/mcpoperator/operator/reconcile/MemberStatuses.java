package io.mcpoperator.operator.reconcile;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.mcpoperator.operator.aggregate.Aggregator;
import io.mcpoperator.operator.aggregate.PromptEvaluator;
import io.mcpoperator.operator.aggregate.ResourceEvaluator;
import io.mcpoperator.operator.aggregate.ToolEvaluator;
import io.mcpoperator.operator.api.McpPrompt;
import io.mcpoperator.operator.api.McpResource;
import io.mcpoperator.operator.api.McpTool;
import io.mcpoperator.operator.api.Member;
import io.mcpoperator.operator.api.Parsed;
import io.mcpoperator.operator.api.PromptParser;
import io.mcpoperator.operator.api.ResourceParser;
import io.mcpoperator.operator.api.ToolParser;
import io.mcpoperator.operator.status.MemberStatus;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** Observes what the status of an MCPTool, MCPPrompt or MCPResource depends on, and computes it. */
final class MemberStatuses {
  private final Members members;
  private final Clock clock;

  MemberStatuses(Members members, Clock clock) {
    this.members = members;
    this.clock = clock;
  }

  JsonObject tool(JsonObject raw) {
    Parsed<McpTool> parsed = ToolParser.parse(raw);
    List<String> servers =
        members.servers(parsed.meta().namespace()).stream()
            .filter(s -> Aggregator.selects(s, parsed.meta()))
            .map(s -> s.meta().name())
            .toList();
    return MemberStatus.tool(
        ToolEvaluator.evaluate(parsed, members.services()),
        value(parsed),
        servers,
        previous(raw),
        now());
  }

  JsonObject prompt(JsonObject raw) {
    Parsed<McpPrompt> parsed = PromptParser.parse(raw);
    return MemberStatus.prompt(
        PromptEvaluator.evaluate(parsed), value(parsed), previous(raw), now());
  }

  JsonObject resource(JsonObject raw) {
    Parsed<McpResource> parsed = ResourceParser.parse(raw);
    return MemberStatus.resource(
        ResourceEvaluator.evaluate(parsed, members.services()),
        value(parsed),
        previous(raw),
        now());
  }

  private static <T extends Member> Optional<T> value(Parsed<T> parsed) {
    return parsed instanceof Parsed.Valid<T> valid ? Optional.of(valid.value()) : Optional.empty();
  }

  private static JsonObject previous(JsonObject raw) {
    JsonElement status = raw.get("status");
    return status != null && status.isJsonObject() ? status.getAsJsonObject() : new JsonObject();
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock);
  }
}
