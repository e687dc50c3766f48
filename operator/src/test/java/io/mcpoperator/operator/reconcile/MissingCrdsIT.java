package io.mcpoperator.operator.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.kubernetes.client.openapi.models.CoreV1Event;
import io.mcpoperator.operator.config.OperatorConfig;
import io.mcpoperator.operator.k8s.ResourceType;
import io.mcpoperator.operator.testing.OperatorFixture;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The operator on an API server where some of its CRDs are not installed (what a real API server
 * answers: discovery without the kind, 404 for its paths): MCPServers still reconcile, servers that
 * aggregate say what is missing, readiness says it, and a CRD installed later is served without a
 * restart.
 */
class MissingCrdsIT {
  private static final String NS = "team-a";
  private static final String IMAGE = "{\"image\": \"example/server\", \"command\": [\"run\"]}";
  private static final String SELECTING =
      "{\"toolSelector\": {\"matchLabels\": {\"mcp.example.com/server\": \"assistant\"}}}";
  private static final OperatorConfig CONFIG =
      OperatorFixture.config(false, "operator-1").withCrdDiscoveryInterval(Duration.ofMillis(300));

  private final HttpClient http = HttpClient.newHttpClient();
  private final ListAppender<ILoggingEvent> log = new ListAppender<>();
  private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

  @BeforeEach
  void captureLog() {
    log.start();
    root.addAppender(log);
  }

  @AfterEach
  void releaseLog() {
    root.detachAppender(log);
  }

  @Test
  void serversReconcileWithoutMemberCrdsAndAggregateOnceTheyAreInstalled() throws Exception {
    try (OperatorFixture fixture =
        OperatorFixture.start(CONFIG, crds -> crds.uninstall("mcptools", "mcpresources"))) {
      fixture.create(
          ResourceType.MCP_PROMPT,
          """
          apiVersion: mcpoperator.io/v1alpha1
          kind: MCPPrompt
          metadata: {name: summarize, namespace: team-a, labels: {mcp.example.com/server: assistant}}
          spec: {name: summarize, template: 'Summarize {{text}}', variables: [{name: text}]}
          """);
      fixture.createServer(NS, "plain", IMAGE);
      fixture.createServer(NS, "assistant", SELECTING);

      fixture.awaitObject(ResourceType.DEPLOYMENT, NS, "plain");
      await().atMost(OperatorFixture.WAIT).until(() -> !fixture.phase(NS, "plain").isEmpty());
      await()
          .atMost(OperatorFixture.WAIT)
          .until(() -> reason(fixture, "assistant").equals("AggregationUnavailable"));
      JsonObject aggregated = condition(fixture.status(NS, "assistant"), "Aggregated");
      assertThat(aggregated.get("status").getAsString()).isEqualTo("False");
      assertThat(aggregated.get("message").getAsString())
          .contains("CRD mcptools.mcpoperator.io is not installed")
          .contains("CRD mcpresources.mcpoperator.io is not installed")
          .doesNotContain("mcpprompts")
          .contains("1 prompt");
      assertThat(fixture.status(NS, "assistant").get("promptCount").getAsInt()).isEqualTo(1);
      assertThat(fixture.status(NS, "plain").toString()).doesNotContain("AggregationUnavailable");

      HttpResponse<String> ready = ready(fixture);
      assertThat(ready.statusCode()).isEqualTo(200);
      assertThat(ready.body())
          .contains("missingCrds")
          .contains("mcptools.mcpoperator.io")
          .contains("mcpresources.mcpoperator.io")
          .doesNotContain("mcpservers.mcpoperator.io");
      assertThat(warnings("CRD mcptools.mcpoperator.io is not installed")).hasSize(1);
      assertThat(warnings("CRD mcpresources.mcpoperator.io is not installed")).hasSize(1);

      fixture.crds().install("mcptools", "mcpresources");
      fixture.create(
          ResourceType.MCP_TOOL,
          """
          apiVersion: mcpoperator.io/v1alpha1
          kind: MCPTool
          metadata: {name: weather, namespace: team-a, labels: {mcp.example.com/server: assistant}}
          spec: {name: get-weather, service: {name: weather, port: 8080}}
          """);

      // both informers start and list (for a moment one may be listed, the other not yet)
      await()
          .atMost(OperatorFixture.WAIT)
          .until(
              () ->
                  reason(fixture, "assistant").equals("SelectedNotReady")
                      && condition(fixture.status(NS, "assistant"), "Aggregated")
                          .toString()
                          .contains("MCPTool team-a/weather: ServiceNotFound"));
      assertThat(condition(fixture.status(NS, "assistant"), "Aggregated").toString())
          .doesNotContain("not installed");
      await()
          .atMost(OperatorFixture.WAIT)
          .until(() -> !ready(fixture).body().contains("missingCrds"));
      assertThat(events(fixture, "AggregationUnavailable")).hasSize(1);
      assertThat(log.list)
          .filteredOn(e -> e.getThrowableProxy() != null)
          .extracting(ILoggingEvent::getFormattedMessage)
          .isEmpty();
    }
  }

  @Test
  void withoutTheMcpServerCrdTheOperatorIsNotReadyUntilItIsInstalled() throws Exception {
    try (OperatorFixture fixture =
        OperatorFixture.start(CONFIG, crds -> crds.uninstall("mcpservers"))) {
      await()
          .atMost(OperatorFixture.WAIT)
          .until(() -> ready(fixture).body().contains("missingCrds"));
      HttpResponse<String> ready = ready(fixture);
      assertThat(ready.statusCode()).isEqualTo(503);
      assertThat(ready.body()).contains("mcpservers.mcpoperator.io");
      assertThat(warnings("CRD mcpservers.mcpoperator.io is not installed")).hasSize(1);

      fixture.crds().install("mcpservers");
      fixture.createServer(NS, "plain", IMAGE);

      fixture.awaitObject(ResourceType.DEPLOYMENT, NS, "plain");
      await().atMost(OperatorFixture.WAIT).until(() -> ready(fixture).statusCode() == 200);
      assertThat(ready(fixture).body()).doesNotContain("missingCrds");
    }
  }

  @Test
  void aCrdRemovedWhileRunningIsReportedMissingAgain() throws Exception {
    try (OperatorFixture fixture = OperatorFixture.start(CONFIG)) {
      fixture.createServer(NS, "assistant", SELECTING);
      await()
          .atMost(OperatorFixture.WAIT)
          .until(() -> reason(fixture, "assistant").equals("AllSelectedServed"));

      fixture.crds().uninstall("mcpprompts");

      await()
          .atMost(OperatorFixture.WAIT)
          .until(() -> reason(fixture, "assistant").equals("AggregationUnavailable"));
      assertThat(condition(fixture.status(NS, "assistant"), "Aggregated").toString())
          .contains("CRD mcpprompts.mcpoperator.io is not installed");
      assertThat(ready(fixture).body()).contains("mcpprompts.mcpoperator.io");
      Thread.sleep(1_000); // a few discovery rounds and informer retries
      assertThat(warnings("mcpprompts")).hasSize(1);
    }
  }

  private List<String> warnings(String containing) {
    return log.list.stream()
        .filter(e -> e.getLevel() == Level.WARN)
        .map(ILoggingEvent::getFormattedMessage)
        .filter(m -> m.contains(containing))
        .toList();
  }

  private HttpResponse<String> ready(OperatorFixture fixture) throws Exception {
    URI uri =
        URI.create("http://127.0.0.1:" + fixture.operator().web().port() + "/observe/health/ready");
    return http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static List<String> events(OperatorFixture fixture, String reason) throws Exception {
    return fixture.core().listNamespacedEvent(NS).execute().getItems().stream()
        .filter(e -> reason.equals(e.getReason()))
        .map(CoreV1Event::getMessage)
        .toList();
  }

  private static String reason(OperatorFixture fixture, String server) {
    JsonElement reason = condition(fixture.status(NS, server), "Aggregated").get("reason");
    return reason == null ? "" : reason.getAsString();
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
