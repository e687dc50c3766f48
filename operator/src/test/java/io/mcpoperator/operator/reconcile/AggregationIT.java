package io.mcpoperator.operator.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.helidon.metrics.api.Metrics;
import io.helidon.metrics.api.Tag;
import io.mcpoperator.operator.config.OperatorConfig;
import io.mcpoperator.operator.k8s.ResourceType;
import io.mcpoperator.operator.testing.OperatorFixture;
import io.mcpoperator.operator.testing.RequestCounter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Aggregation on the in-JVM API server: MCPTools, MCPPrompts, MCPResources and Services selected by
 * an MCPServer end up, resolved, in its gateway ConfigMap; their statuses follow the cluster.
 */
class AggregationIT {
  private static final String NS = "team-a";
  private static final String SELECTED = "{mcp.example.com/server: assistant}";

  /** No periodic resync: every change must reach the reconciles it affects through events. */
  private final OperatorFixture fixture = OperatorFixture.start(withoutResync());

  @AfterEach
  void stop() {
    fixture.close();
  }

  @Test
  void theSelectedReadyObjectsAreServedAndFollowServicesLabelsAndDeletion() throws Exception {
    service(NS, "weather", 8080);
    tool(
        NS,
        "weather",
        SELECTED,
        "name: get-weather\nservice: {name: weather, port: 8080, path: /now}");
    tool(NS, "stocks", SELECTED, "name: stock-quote\nservice: {name: stocks}");
    tool(
        NS,
        "beta",
        "{mcp.example.com/server: assistant, tier: experimental}",
        "name: beta\nservice: {name: weather, port: 8080}");
    tool(NS, "unrelated", "{}", "name: unrelated\nservice: {name: weather, port: 8080}");
    fixture.create(
        ResourceType.MCP_PROMPT,
        member(
            "MCPPrompt",
            NS,
            "summarize",
            SELECTED,
            "name: summarize\ntemplate: 'Summarize {{text}}'\nvariables: [{name: text, required: true}]"));
    fixture.create(
        ResourceType.MCP_RESOURCE,
        member(
            "MCPResource",
            NS,
            "runbook",
            SELECTED,
            "name: runbook\ncontent: {uri: 'docs://runbook', text: Restart it.}"));
    fixture.createServer(
        NS,
        "assistant",
        """
        {"toolSelector": {"matchLabels": {"mcp.example.com/server": "assistant"},
          "matchExpressions": [{"key": "tier", "operator": "NotIn", "values": ["experimental"]}]}}
        """);

    await().atMost(OperatorFixture.WAIT).until(() -> names("tools").equals(List.of("get-weather")));
    JsonObject config = config();
    assertThat(
            tools(config)
                .get(0)
                .getAsJsonObject()
                .getAsJsonObject("endpoint")
                .get("url")
                .getAsString())
        .isEqualTo("http://weather.team-a.svc.cluster.local:8080/now");
    assertThat(names("prompts")).containsExactly("summarize");
    assertThat(names("resources")).containsExactly("runbook");
    await()
        .atMost(OperatorFixture.WAIT)
        .until(() -> fixture.status(NS, "assistant").has("toolCount"));
    JsonObject server = fixture.status(NS, "assistant");
    assertThat(server.get("toolCount").getAsInt()).isEqualTo(1);
    assertThat(server.get("promptCount").getAsInt()).isEqualTo(1);
    assertThat(server.get("resourceCount").getAsInt()).isEqualTo(1);
    assertThat(condition(server, "Aggregated").toString())
        .contains("SelectedNotReady")
        .contains("MCPTool team-a/stocks: ServiceNotFound");

    await()
        .atMost(OperatorFixture.WAIT)
        .until(() -> memberStatus(ResourceType.MCP_TOOL, "stocks").has("ready"));
    JsonObject stocks = memberStatus(ResourceType.MCP_TOOL, "stocks");
    assertThat(stocks.get("ready").getAsBoolean()).isFalse();
    assertThat(condition(stocks, "Ready").get("reason").getAsString()).isEqualTo("ServiceNotFound");
    await()
        .atMost(OperatorFixture.WAIT)
        .until(
            () -> memberStatus(ResourceType.MCP_TOOL, "weather").toString().contains("assistant"));
    assertThat(memberStatus(ResourceType.MCP_TOOL, "weather").get("resolvedEndpoint").getAsString())
        .isEqualTo("http://weather.team-a.svc.cluster.local:8080/now");
    await()
        .atMost(OperatorFixture.WAIT)
        .until(() -> memberStatus(ResourceType.MCP_PROMPT, "summarize").has("validated"));
    assertThat(memberStatus(ResourceType.MCP_PROMPT, "summarize").get("variableCount").getAsInt())
        .isEqualTo(1);

    service(NS, "stocks", 80);

    await()
        .atMost(OperatorFixture.WAIT)
        .until(() -> memberStatus(ResourceType.MCP_TOOL, "stocks").get("ready").getAsBoolean());
    await()
        .atMost(OperatorFixture.WAIT)
        .until(() -> names("tools").equals(List.of("get-weather", "stock-quote")));
    await()
        .atMost(OperatorFixture.WAIT)
        .until(
            () ->
                condition(fixture.status(NS, "assistant"), "Aggregated")
                    .get("status")
                    .getAsString()
                    .equals("True"));
    assertThat(fixture.status(NS, "assistant").get("toolCount").getAsInt()).isEqualTo(2);

    fixture.edit(
        ResourceType.MCP_TOOL,
        NS,
        "weather",
        t ->
            t.getAsJsonObject("metadata")
                .getAsJsonObject("labels")
                .addProperty("tier", "experimental"));

    await().atMost(OperatorFixture.WAIT).until(() -> names("tools").equals(List.of("stock-quote")));
    await()
        .atMost(OperatorFixture.WAIT)
        .until(
            () ->
                memberStatus(ResourceType.MCP_TOOL, "weather").getAsJsonArray("servers").isEmpty());

    fixture.delete(ResourceType.MCP_TOOL, NS, "stocks");

    await().atMost(OperatorFixture.WAIT).until(() -> names("tools").isEmpty());
    await()
        .atMost(OperatorFixture.WAIT)
        .until(() -> fixture.status(NS, "assistant").get("toolCount").getAsInt() == 0);
  }

  @Test
  void changesToObjectsTheServerDoesNotSelectWriteNothingForIt() throws Exception {
    service(NS, "weather", 80);
    tool(NS, "served", SELECTED, "name: served\nservice: {name: weather}");
    tool(NS, "unselected", "{other: x}", "name: unselected\nservice: {name: weather}");
    tool(
        "team-b",
        "elsewhere",
        SELECTED,
        "name: elsewhere\nservice: {name: weather, namespace: team-a}");
    fixture.createServer(
        NS,
        "assistant",
        "{\"toolSelector\": {\"matchLabels\": {\"mcp.example.com/server\": \"assistant\"}}}");
    await().atMost(OperatorFixture.WAIT).until(() -> names("tools").equals(List.of("served")));
    for (String[] tool : new String[][] {{NS, "unselected"}, {"team-b", "elsewhere"}}) {
      await()
          .atMost(OperatorFixture.WAIT)
          .until(() -> memberStatus(ResourceType.MCP_TOOL, tool[0], tool[1]).has("ready"));
    }
    await()
        .atMost(OperatorFixture.WAIT)
        .until(() -> fixture.status(NS, "assistant").has("toolCount"));
    int mark = fixture.operatorRequests().mark();
    double serverReconciles = serverReconciles();

    for (String[] tool : new String[][] {{NS, "unselected"}, {"team-b", "elsewhere"}}) {
      fixture.edit(
          ResourceType.MCP_TOOL,
          tool[0],
          tool[1],
          t -> t.getAsJsonObject("spec").getAsJsonObject("service").addProperty("name", "missing"));
    }
    for (String[] tool : new String[][] {{NS, "unselected"}, {"team-b", "elsewhere"}}) {
      await()
          .atMost(OperatorFixture.WAIT)
          .until(
              () ->
                  !memberStatus(ResourceType.MCP_TOOL, tool[0], tool[1])
                      .get("ready")
                      .getAsBoolean());
    }

    List<RequestCounter.Sent> writes = fixture.operatorRequests().writesSince(mark);
    assertThat(writes).isNotEmpty().allMatch(w -> w.path().contains("/mcptools/"));
    assertThat(serverReconciles()).isEqualTo(serverReconciles);
    assertThat(names("tools")).containsExactly("served");
  }

  private static OperatorConfig withoutResync() {
    OperatorConfig c = OperatorFixture.config(false, "operator-1");
    return new OperatorConfig(
        c.childSettings(),
        c.watchNamespaces(),
        c.leaderElection(),
        c.healthHost(),
        c.healthPort(),
        c.deletionTimeout(),
        Duration.ofHours(1),
        c.workers());
  }

  private static double serverReconciles() {
    return Metrics.globalRegistry()
        .counter("mcp_operator_reconcile_total", List.of(Tag.create("controller", "mcpserver")))
        .map(c -> (double) c.count())
        .orElse(0.0);
  }

  private void service(String namespace, String name, int port) throws Exception {
    fixture.create(
        ResourceType.SERVICE,
        """
        apiVersion: v1
        kind: Service
        metadata: {name: %s, namespace: %s}
        spec: {ports: [{port: %d}]}
        """
            .formatted(name, namespace, port));
  }

  private void tool(String namespace, String name, String labels, String spec) throws Exception {
    fixture.create(ResourceType.MCP_TOOL, member("MCPTool", namespace, name, labels, spec));
  }

  private static String member(
      String kind, String namespace, String name, String labels, String spec) {
    return """
        apiVersion: mcpoperator.io/v1alpha1
        kind: %s
        metadata: {name: %s, namespace: %s, labels: %s}
        spec:
        %s"""
        .formatted(kind, name, namespace, labels, spec.indent(2));
  }

  private JsonObject memberStatus(ResourceType type, String name) {
    return memberStatus(type, NS, name);
  }

  private JsonObject memberStatus(ResourceType type, String namespace, String name) {
    return fixture
        .get(type, namespace, name)
        .map(o -> o.has("status") ? o.getAsJsonObject("status") : new JsonObject())
        .orElseGet(JsonObject::new);
  }

  private JsonObject config() {
    return fixture
        .get(ResourceType.CONFIG_MAP, NS, "assistant-gateway")
        .map(
            c ->
                JsonParser.parseString(c.getAsJsonObject("data").get("config.json").getAsString())
                    .getAsJsonObject())
        .orElseGet(JsonObject::new);
  }

  private static JsonArray tools(JsonObject config) {
    return config.has("tools") ? config.getAsJsonArray("tools") : new JsonArray();
  }

  private List<String> names(String kind) {
    JsonObject config = config();
    List<String> names = new ArrayList<>();
    if (config.has(kind)) {
      for (JsonElement e : config.getAsJsonArray(kind)) {
        names.add(e.getAsJsonObject().get("name").getAsString());
      }
    }
    return names;
  }

  private static JsonObject condition(JsonObject status, String type) {
    if (status.has("conditions")) {
      for (JsonElement c : status.getAsJsonArray("conditions")) {
        if (type.equals(c.getAsJsonObject().get("type").getAsString())) {
          return c.getAsJsonObject();
        }
      }
    }
    return new JsonObject();
  }
}
