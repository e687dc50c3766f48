package io.mcpoperator.operator.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.mcpoperator.operator.config.OperatorConfig;
import io.mcpoperator.operator.k8s.ResourceType;
import io.mcpoperator.operator.testing.OperatorFixture;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole aggregation path as a user meets it, in one test: MCPTool, MCPPrompt and MCPResource
 * objects and an image-less MCPServer are applied to an API server (in-JVM); the operator
 * (in-process) writes the gateway's ConfigMap; a kubelet stand-in projects it into a directory; the
 * real gateway (its own JVM, {@code mcp-gateway.jar} from the sidecar module) serves it; an MCP
 * client lists and uses the tool, prompt and resources, and the gateway calls a real HTTP backend.
 * A change to the tool and its deletion then reach the client's live session.
 *
 * <p>Cluster networking, played on loopback: the operator resolves the tool to {@code
 * http://backend.team-a.svc.cluster.local:<service port>/forecast}. The Service created here
 * carries the port the backend really listens on, and the gateway JVM resolves that name to
 * 127.0.0.1 through a hosts file ({@code -Djdk.net.hosts.file}, see {@link GatewayProcess}), so the
 * URL the operator wrote reaches the backend unchanged. The gateway listens where the operator
 * tells it ({@code listen.port}, the operator's {@code GATEWAY_PORT}), here a free port.
 *
 * <p>Disabled, with a message, when the gateway jar has not been built (see {@link
 * GatewayProcess#jar()}).
 */
class AggregationFullPathIT {
  private static final String NS = "team-a";
  private static final String LABELS = "{mcp.example.com/server: assistant}";
  private static final String BACKEND = "backend";
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final String TOOLS_CHANGED = "notifications/tools/list_changed";

  /** Kept when the test fails: the gateway's log and the projected configuration are in it. */
  @TempDir(cleanup = CleanupMode.ON_SUCCESS)
  Path work;

  private final Deque<AutoCloseable> started = new ArrayDeque<>();

  /** Stops what the test started, newest first, each even if an earlier one failed to stop. */
  @AfterEach
  void stopAll() throws Exception {
    Exception failure = null;
    while (!started.isEmpty()) {
      try {
        started.pop().close();
      } catch (Exception e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  static boolean gatewayJarBuilt() {
    return Files.isRegularFile(GatewayProcess.jar());
  }

  @Test
  @EnabledIf(
      value = "gatewayJarBuilt",
      disabledReason =
          "no gateway jar: build the sidecar module first (./mvnw -B package -pl sidecar) or set"
              + " MCP_GATEWAY_JAR (default ../sidecar/target/mcp-gateway.jar)")
  void appliedObjectsAreServedToAnMcpClientAndChangesReachItsSession() throws Exception {
    RecordingBackend backend = started(RecordingBackend.start());
    int gatewayPort = freePort();
    OperatorFixture cluster = started(OperatorFixture.start(operatorConfig(gatewayPort)));
    apply(cluster, backend.port());
    await().atMost(WAIT).until(() -> configuredNames(cluster).size() == 4);
    ConfigMapVolume volume =
        started(ConfigMapVolume.mount(cluster, NS, "assistant-gateway", work.resolve("config")));
    GatewayProcess gateway =
        started(
            GatewayProcess.start(
                GatewayProcess.jar(),
                volume.file("config.json"),
                gatewayPort,
                List.of(BACKEND + "." + NS + ".svc.cluster.local"),
                work));
    McpSession client = started(McpSession.open(gateway.endpoint()));

    listsWhatWasApplied(client);
    toolCallsReachTheBackend(client, backend);
    promptsAndResourcesAnswer(client, backend);
    client.listen();
    aChangedToolReachesTheSession(client, cluster);
    aDeletedToolIsGone(client, cluster);
  }

  private static void listsWhatWasApplied(McpSession client) throws Exception {
    JsonObject capabilities = client.initializeResult().getAsJsonObject("capabilities");
    for (String list : List.of("tools", "prompts", "resources")) {
      assertThat(capabilities.get(list)).as(list).isEqualTo(json("{'listChanged': true}"));
    }
    JsonObject tool = only(client.result("tools/list", "{}"), "tools");
    assertThat(tool.get("name").getAsString()).isEqualTo("get-forecast");
    assertThat(tool.get("description").getAsString()).isEqualTo("Weather forecast for a city.");
    assertThat(tool.getAsJsonObject("inputSchema").get("required")).isEqualTo(json("['city']"));
    JsonObject prompt = only(client.result("prompts/list", "{}"), "prompts");
    assertThat(prompt.get("name").getAsString()).isEqualTo("weather-report");
    assertThat(prompt.get("description").getAsString()).isEqualTo("A weather report.");
    assertThat(names(prompt.getAsJsonArray("arguments"))).containsExactly("city", "tone");
    JsonObject runbook = only(client.result("resources/list", "{}"), "resources");
    assertThat(runbook.get("uri").getAsString()).isEqualTo("docs://runbook");
    assertThat(runbook.get("mimeType").getAsString()).isEqualTo("text/markdown");
    JsonObject articles =
        only(client.result("resources/templates/list", "{}"), "resourceTemplates");
    assertThat(articles.get("uriTemplate").getAsString())
        .isEqualTo("resource://articles/articles/{id}{?lang}");
    assertThat(articles.get("description").getAsString()).isEqualTo("One article by id.");
  }

  private static void toolCallsReachTheBackend(McpSession client, RecordingBackend backend)
      throws Exception {
    JsonObject forecast =
        client.result(
            "tools/call", "{'name': 'get-forecast', 'arguments': {'city': 'Lisbon', 'days': 3}}");
    JsonElement expected = json("{'city': 'Lisbon', 'sky': 'sunny', 'temperatureC': 21}");
    assertThat(isError(forecast)).isFalse();
    assertThat(json(text(forecast, "content"))).isEqualTo(expected);
    assertThat(forecast.get("structuredContent")).isEqualTo(expected);
    RecordingBackend.Received call = backend.received().getLast();
    assertThat(call.method() + " " + call.pathAndQuery()).isEqualTo("POST /forecast");
    assertThat(json(call.body())).isEqualTo(json("{'city': 'Lisbon', 'days': 3}"));

    int calls = backend.received().size();
    JsonObject invalid =
        client.result("tools/call", "{'name': 'get-forecast', 'arguments': {'days': 0}}");
    assertThat(isError(invalid)).isTrue();
    assertThat(text(invalid, "content")).contains("city").contains("days");
    assertThat(backend.received()).as("invalid arguments never reach the backend").hasSize(calls);
  }

  private static void promptsAndResourcesAnswer(McpSession client, RecordingBackend backend)
      throws Exception {
    JsonObject report =
        client.result("prompts/get", "{'name': 'weather-report', 'arguments': {'city': 'Lisbon'}}");
    assertThat(text(report, "messages")).isEqualTo("Write a friendly weather report for Lisbon.");
    JsonObject missing = client.send("prompts/get", "{'name': 'weather-report'}");
    assertThat(missing.getAsJsonObject("error").get("code").getAsInt()).isEqualTo(-32602);
    assertThat(missing.getAsJsonObject("error").get("message").getAsString()).contains("city");

    JsonObject inline = client.result("resources/read", "{'uri': 'docs://runbook'}");
    assertThat(text(inline, "contents")).isEqualTo("# Runbook\nRestart the backend.");
    JsonObject article =
        client.result("resources/read", "{'uri': 'resource://articles/articles/42?lang=pt'}");
    assertThat(json(text(article, "contents")))
        .isEqualTo(json("{'id': '42', 'title': 'Article 42', 'lang': 'pt'}"));
    assertThat(backend.received().getLast().pathAndQuery()).isEqualTo("/articles/42?lang=pt");
  }

  private static void aChangedToolReachesTheSession(McpSession client, OperatorFixture cluster)
      throws Exception {
    cluster.edit(
        ResourceType.MCP_TOOL,
        NS,
        "forecast",
        t -> {
          JsonObject spec = t.getAsJsonObject("spec");
          spec.addProperty("description", "Weather forecast for a city, up to a week ahead.");
          spec.getAsJsonObject("inputSchema")
              .getAsJsonObject("properties")
              .getAsJsonObject("days")
              .addProperty("maximum", 7);
        });

    await().atMost(WAIT).until(() -> client.notifications().contains(TOOLS_CHANGED));
    assertThat(client.notifications()).containsOnly(TOOLS_CHANGED);
    JsonObject changed = only(client.result("tools/list", "{}"), "tools");
    assertThat(changed.get("description").getAsString())
        .isEqualTo("Weather forecast for a city, up to a week ahead.");
    JsonObject tooFar =
        client.result(
            "tools/call", "{'name': 'get-forecast', 'arguments': {'city': 'Lisbon', 'days': 9}}");
    assertThat(isError(tooFar)).isTrue();
    assertThat(text(tooFar, "content")).contains("days");
  }

  private static void aDeletedToolIsGone(McpSession client, OperatorFixture cluster)
      throws Exception {
    int notified = client.notifications().size();
    cluster.delete(ResourceType.MCP_TOOL, NS, "forecast");

    await().atMost(WAIT).until(() -> client.notifications().size() > notified);
    assertThat(client.notifications()).containsOnly(TOOLS_CHANGED);
    assertThat(client.result("tools/list", "{}").getAsJsonArray("tools")).isEmpty();
    JsonObject gone =
        client.send("tools/call", "{'name': 'get-forecast', 'arguments': {'city': 'Lisbon'}}");
    assertThat(gone.getAsJsonObject("error").get("message").getAsString()).contains("get-forecast");
    assertThat(only(client.result("prompts/list", "{}"), "prompts").get("name").getAsString())
        .isEqualTo("weather-report");
  }

  /** The Service (on the backend's real port), the three kinds and the server selecting them. */
  private static void apply(OperatorFixture cluster, int backendPort) throws Exception {
    cluster.create(
        ResourceType.SERVICE,
        """
        apiVersion: v1
        kind: Service
        metadata: {name: %s, namespace: %s}
        spec: {ports: [{name: http, port: %d}]}
        """
            .formatted(BACKEND, NS, backendPort));
    cluster.create(
        ResourceType.MCP_TOOL,
        member(
            "MCPTool",
            "forecast",
            """
            name: get-forecast
            description: Weather forecast for a city.
            service: {name: %s, port: %d, path: /forecast}
            method: POST
            inputSchema:
              type: object
              properties:
                city: {type: string, minLength: 1}
                days: {type: integer, minimum: 1}
              required: [city]
            outputSchema:
              type: object
              properties:
                city: {type: string}
                sky: {type: string}
                temperatureC: {type: number}
            """
                .formatted(BACKEND, backendPort)));
    cluster.create(
        ResourceType.MCP_PROMPT,
        member(
            "MCPPrompt",
            "weather-report",
            """
            name: weather-report
            description: A weather report.
            template: 'Write a {{ tone }} weather report for {{city}}.'
            variables:
              - {name: city, required: true}
              - {name: tone, default: friendly}
            """));
    cluster.create(
        ResourceType.MCP_RESOURCE,
        member(
            "MCPResource",
            "runbook",
            """
            name: runbook
            description: What to do when the backend misbehaves.
            content: {uri: 'docs://runbook', mimeType: text/markdown, text: "# Runbook\\nRestart the backend."}
            """));
    cluster.create(
        ResourceType.MCP_RESOURCE,
        member(
            "MCPResource",
            "articles",
            """
            name: articles
            description: Knowledge-base articles.
            operations:
              - ingressPath: /articles/{id}
                description: One article by id.
                service: {name: %s, port: %d}
                parameters:
                  - {name: id, in: path, required: true}
                  - {name: lang, in: query}
            """
                .formatted(BACKEND, backendPort)));
    cluster.createServer(
        NS,
        "assistant",
        "{\"toolSelector\": {\"matchLabels\": {\"mcp.example.com/server\": \"assistant\"}}}");
  }

  private static String member(String kind, String name, String spec) {
    return """
        apiVersion: mcpoperator.io/v1alpha1
        kind: %s
        metadata: {name: %s, namespace: %s, labels: %s}
        spec:
        %s"""
        .formatted(kind, name, NS, LABELS, spec.indent(2));
  }

  /** The operator, configured (like {@code GATEWAY_PORT}) with a free port for the gateway. */
  private static OperatorConfig operatorConfig(int gatewayPort) {
    OperatorConfig c = OperatorFixture.config(false, "operator-1");
    return new OperatorConfig(
        c.childSettings().withGatewayPort(gatewayPort),
        c.watchNamespaces(),
        c.leaderElection(),
        c.healthHost(),
        c.healthPort(),
        c.deletionTimeout(),
        Duration.ofHours(1),
        c.workers());
  }

  /** Names of the tools, prompts and resources in the gateway ConfigMap. */
  private static Set<String> configuredNames(OperatorFixture cluster) {
    return cluster
        .get(ResourceType.CONFIG_MAP, NS, "assistant-gateway")
        .map(
            cm -> {
              JsonObject config =
                  JsonParser.parseString(
                          cm.getAsJsonObject("data").get("config.json").getAsString())
                      .getAsJsonObject();
              Set<String> names = new TreeSet<>();
              for (String kind : List.of("tools", "prompts", "resources")) {
                if (config.has(kind)) {
                  names.addAll(names(config.getAsJsonArray(kind)));
                }
              }
              return names;
            })
        .orElse(Set.of());
  }

  private static List<String> names(JsonArray items) {
    return StreamSupport.stream(items.spliterator(), false)
        .map(item -> item.getAsJsonObject().get("name").getAsString())
        .toList();
  }

  /** JSON read leniently, so that tests can write {@code {'city': 'Lisbon'}}. */
  private static JsonElement json(String text) {
    return JsonParser.parseString(text);
  }

  /** The single item of a list result, failing when there is not exactly one. */
  private static JsonObject only(JsonObject listResult, String key) {
    JsonArray items = listResult.getAsJsonArray(key);
    assertThat(items).as(key).hasSize(1);
    return items.get(0).getAsJsonObject();
  }

  /** The text of the first element of {@code key} ({@code content[0].text} and the like). */
  private static String text(JsonObject result, String key) {
    JsonElement first = result.getAsJsonArray(key).get(0);
    JsonObject item = first.getAsJsonObject();
    JsonObject holder = item.has("content") ? item.getAsJsonObject("content") : item;
    return holder.get("text").getAsString();
  }

  private static boolean isError(JsonObject toolResult) {
    return toolResult.has("isError") && toolResult.get("isError").getAsBoolean();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private <T extends AutoCloseable> T started(T resource) {
    started.push(resource);
    return resource;
  }
}
