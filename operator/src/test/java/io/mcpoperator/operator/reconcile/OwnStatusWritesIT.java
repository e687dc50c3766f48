package io.mcpoperator.operator.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.gson.JsonObject;
import io.mcpoperator.operator.config.OperatorConfig;
import io.mcpoperator.operator.k8s.ResourceType;
import io.mcpoperator.operator.k8s.StatusWriter;
import io.mcpoperator.operator.testing.OperatorFixture;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An MCPServer event whose only change is its status (the operator's own status write, in the main)
 * wakes no reconcile; a change of its metadata or spec still does. The informers resync every ten
 * minutes here, so every reconcile counted comes from an event.
 */
class OwnStatusWritesIT {
  private static final String NS = "team-a";
  private static final Duration QUIET = Duration.ofSeconds(2);
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final Pattern RECONCILES =
      Pattern.compile(
          "(?m)^mcp_operator_reconcile_total\\{[^}]*controller=\"mcpserver\"[^}]*} (\\S+)$");
  private static final String SPEC =
      """
      {"image": "ghcr.io/example/fs-server", "tag": "1.0", "command": ["node", "server.js"]}
      """;

  private final OperatorFixture fixture = OperatorFixture.start(config());
  private double lastCount;
  private Instant lastChange;

  @AfterEach
  void stop() {
    fixture.close();
  }

  @Test
  void theOperatorsOwnStatusWriteWakesNoSecondReconcile() throws Exception {
    fixture.createServer(NS, "fs", SPEC);
    fixture.awaitObject(ResourceType.DEPLOYMENT, NS, "fs");
    awaitQuiet();
    double before = reconciles();

    fixture.reportDeploymentReady(NS, "fs", 1);
    await().atMost(OperatorFixture.WAIT).until(() -> "Running".equals(fixture.phase(NS, "fs")));
    awaitQuiet();

    // One reconcile for the Deployment's change, which writes the status; none for that write.
    assertThat(reconciles() - before).isEqualTo(1.0);
  }

  @Test
  void aStatusOnlyUpdateWakesNoReconcileButALabelChangeDoes() throws Exception {
    fixture.createServer(NS, "fs", SPEC);
    fixture.awaitObject(ResourceType.DEPLOYMENT, NS, "fs");
    awaitQuiet();
    double before = reconciles();

    JsonObject server = fixture.get(ResourceType.MCP_SERVER, NS, "fs").orElseThrow();
    JsonObject status = server.getAsJsonObject("status").deepCopy();
    status.addProperty("message", "written by someone else");
    new StatusWriter(fixture.client()).write(ResourceType.MCP_SERVER, server, status);
    awaitQuiet();

    assertThat(reconciles() - before).isZero();
    assertThat(fixture.status(NS, "fs").get("message").getAsString())
        .isEqualTo("written by someone else");

    fixture.edit(
        ResourceType.MCP_SERVER,
        NS,
        "fs",
        s -> s.getAsJsonObject("metadata").add("labels", labels("team", "search")));
    await().atMost(OperatorFixture.WAIT).until(() -> reconciles() > before);
  }

  private static JsonObject labels(String key, String value) {
    JsonObject labels = new JsonObject();
    labels.addProperty(key, value);
    return labels;
  }

  /** Waits until no reconcile has run for {@link #QUIET} from now. */
  private void awaitQuiet() throws Exception {
    lastCount = reconciles();
    lastChange = Instant.now();
    await()
        .atMost(OperatorFixture.WAIT)
        .pollInterval(Duration.ofMillis(100))
        .until(
            () -> {
              double count = reconciles();
              if (count != lastCount) {
                lastCount = count;
                lastChange = Instant.now();
              }
              return Duration.between(lastChange, Instant.now()).compareTo(QUIET) >= 0;
            });
  }

  private static OperatorConfig config() {
    OperatorConfig base = OperatorFixture.config(false, "operator-1");
    return new OperatorConfig(
        base.childSettings(),
        base.watchNamespaces(),
        base.leaderElection(),
        "127.0.0.1",
        0,
        base.deletionTimeout(),
        Duration.ofMinutes(10),
        base.workers(),
        base.crdDiscoveryInterval());
  }

  /** The MCPServer reconcile count, as a scrape of the operator's metrics endpoint shows it. */
  private double reconciles() throws Exception {
    URI metrics =
        URI.create("http://127.0.0.1:" + fixture.operator().web().port() + "/observe/metrics");
    String body =
        HTTP.send(HttpRequest.newBuilder(metrics).build(), HttpResponse.BodyHandlers.ofString())
            .body();
    Matcher count = RECONCILES.matcher(body);
    return count.find() ? Double.parseDouble(count.group(1)) : 0.0;
  }
}
