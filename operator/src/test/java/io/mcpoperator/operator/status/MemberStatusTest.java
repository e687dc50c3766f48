package io.mcpoperator.operator.status;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import io.mcpoperator.operator.aggregate.TestMembers;
import io.mcpoperator.operator.aggregate.ToolEvaluator;
import io.mcpoperator.operator.api.McpTool;
import io.mcpoperator.operator.api.Parsed;
import io.mcpoperator.operator.api.ToolParser;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MemberStatusTest {
  private static final OffsetDateTime T1 = OffsetDateTime.parse("2026-03-01T10:00:00Z");
  private static final OffsetDateTime T2 = OffsetDateTime.parse("2026-03-01T11:00:00Z");

  @Test
  void aToolWhoseServiceIsMissingIsNotReadyAndHasNoEndpoint() {
    JsonObject status = toolStatus("missing", new JsonObject(), T1);

    assertThat(status.get("ready").getAsBoolean()).isFalse();
    assertThat(status.has("resolvedEndpoint")).isFalse();
    assertThat(condition(status, "Ready").get("reason").getAsString()).isEqualTo("ServiceNotFound");
    assertThat(condition(status, "ServiceResolved").get("status").getAsString()).isEqualTo("False");
    assertThat(condition(status, "SchemaValid").get("status").getAsString()).isEqualTo("True");
    assertThat(status.get("observedGeneration").getAsLong()).isEqualTo(3);
    assertThat(status.getAsJsonArray("servers").toString()).isEqualTo("[\"a\",\"b\"]");
  }

  @Test
  void aResolvedToolIsReadyAndTransitionTimesMoveOnlyWithTheStatus() {
    JsonObject missing = toolStatus("missing", new JsonObject(), T1);
    JsonObject resolved = toolStatus("weather", missing, T2);
    JsonObject again = toolStatus("weather", resolved, T2.plusHours(1));

    assertThat(resolved.get("ready").getAsBoolean()).isTrue();
    assertThat(resolved.get("resolvedEndpoint").getAsString())
        .isEqualTo("http://weather.ns.svc.cluster.local:80/");
    assertThat(condition(resolved, "Ready").get("lastTransitionTime").getAsString())
        .isEqualTo("2026-03-01T11:00:00Z");
    assertThat(condition(resolved, "SchemaValid").get("lastTransitionTime").getAsString())
        .isEqualTo("2026-03-01T10:00:00Z");
    assertThat(again).isEqualTo(resolved);
  }

  @Test
  void promptAndResourceStatusesCountVariablesAndOperations() {
    String promptSpec = "name: p\ntemplate: '{{a}}'\nvariables: [{name: a}, {name: b}]";
    JsonObject prompt =
        MemberStatus.prompt(
            TestMembers.prompt("ns", "p", "{}", promptSpec),
            Optional.of(
                ((Parsed.Valid<io.mcpoperator.operator.api.McpPrompt>)
                        io.mcpoperator.operator.api.PromptParser.parse(
                            TestMembers.raw("MCPPrompt", "ns", "p", "{}", promptSpec)))
                    .value()),
            new JsonObject(),
            T1);
    String resourceSpec = "name: r\noperations: [{ingressPath: /a, service: {name: s}}]";
    JsonObject resource =
        MemberStatus.resource(
            TestMembers.resource("ns", "r", "{}", resourceSpec),
            Optional.of(TestMembers.validResource(resourceSpec)),
            new JsonObject(),
            T1);

    assertThat(prompt.get("validated").getAsBoolean()).isFalse();
    assertThat(prompt.get("variableCount").getAsInt()).isEqualTo(2);
    assertThat(condition(prompt, "TemplateValid").get("reason").getAsString())
        .isEqualTo("UnusedVariables");
    assertThat(condition(prompt, "TemplateValid").get("message").getAsString()).endsWith(": b");
    assertThat(resource.get("ready").getAsBoolean()).isTrue();
    assertThat(resource.get("operationCount").getAsInt()).isEqualTo(1);
    assertThat(condition(resource, "Ready").get("reason").getAsString())
        .isEqualTo("OperationsValid");
  }

  @Test
  void anInvalidSpecIsReportedOnReady() {
    JsonObject status =
        MemberStatus.resource(
            TestMembers.resource("ns", "r", "{}", "name: r"),
            Optional.empty(),
            new JsonObject(),
            T1);

    assertThat(status.get("operationCount").getAsInt()).isZero();
    assertThat(status.getAsJsonArray("conditions")).hasSize(1);
    assertThat(condition(status, "Ready").get("reason").getAsString()).isEqualTo("InvalidSpec");
  }

  private static JsonObject toolStatus(String service, JsonObject previous, OffsetDateTime now) {
    JsonObject raw =
        TestMembers.raw("MCPTool", "ns", "t", "{}", "name: t\nservice: {name: " + service + "}");
    Parsed<McpTool> parsed = ToolParser.parse(raw);
    return MemberStatus.tool(
        ToolEvaluator.evaluate(parsed, TestMembers.SERVICES),
        Optional.of(((Parsed.Valid<McpTool>) parsed).value()),
        List.of("b", "a"),
        previous,
        now);
  }

  private static JsonObject condition(JsonObject status, String type) {
    for (var c : status.getAsJsonArray("conditions")) {
      if (type.equals(c.getAsJsonObject().get("type").getAsString())) {
        return c.getAsJsonObject();
      }
    }
    throw new AssertionError("no condition " + type + " in " + status);
  }
}
