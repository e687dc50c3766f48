package io.mcpoperator.operator.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.helidon.metrics.api.Metrics;
import io.helidon.metrics.api.Tag;
import io.kubernetes.client.openapi.models.CoreV1Event;
import io.kubernetes.client.openapi.models.V1ContainerState;
import io.kubernetes.client.openapi.models.V1ContainerStateWaiting;
import io.kubernetes.client.openapi.models.V1ContainerStatus;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodStatus;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V1ServicePort;
import io.kubernetes.client.openapi.models.V1ServiceSpec;
import io.mcpoperator.operator.k8s.ResourceType;
import io.mcpoperator.operator.testing.OperatorFixture;
import io.mcpoperator.operator.testing.RequestCounter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class McpServerReconcilerIT {

  private static final String NS = "team-a";
  private static final String FS_SPEC =
      """
      {"image": "ghcr.io/example/fs-server", "tag": "1.0", "command": ["node", "server.js"],
       "replicas": 2, "ingress": {"host": "fs.example.com"}}
      """;

  private final OperatorFixture fixture = OperatorFixture.start();

  @AfterEach
  void stop() {
    fixture.close();
  }

  @Test
  void createsOwnedChildrenAndReportsRunningOnceTheDeploymentIsReady() throws Exception {
    JsonObject server = fixture.createServer(NS, "fs", FS_SPEC);
    String uid = server.getAsJsonObject("metadata").get("uid").getAsString();

    for (var child :
        List.of(
            List.of(ResourceType.CONFIG_MAP, "fs-gateway"),
            List.of(ResourceType.DEPLOYMENT, "fs"),
            List.of(ResourceType.SERVICE, "fs"),
            List.of(ResourceType.INGRESS, "fs"),
            List.of(ResourceType.POD_DISRUPTION_BUDGET, "fs"))) {
      JsonObject object =
          fixture.awaitObject((ResourceType) child.get(0), NS, (String) child.get(1));
      JsonObject metadata = object.getAsJsonObject("metadata");
      assertThat(
              metadata
                  .getAsJsonArray("ownerReferences")
                  .get(0)
                  .getAsJsonObject()
                  .get("uid")
                  .getAsString())
          .isEqualTo(uid);
      assertThat(
              metadata.getAsJsonObject("labels").get("app.kubernetes.io/managed-by").getAsString())
          .isEqualTo("mcp-operator");
    }
    assertThat(image(deployment("fs"))).isEqualTo("ghcr.io/example/fs-server:1.0");
    assertThat(fixture.get(ResourceType.MCP_SERVER, NS, "fs").orElseThrow().toString())
        .contains("mcpoperator.io/finalizer");

    fixture.reportDeploymentReady(NS, "fs", 2);

    await().atMost(OperatorFixture.WAIT).until(() -> "Running".equals(fixture.phase(NS, "fs")));
    JsonObject status = fixture.status(NS, "fs");
    assertThat(status.get("readyReplicas").getAsInt()).isEqualTo(2);
    assertThat(status.get("url").getAsString())
        .isEqualTo("http://fs.team-a.svc.cluster.local:8080/mcp");
    assertThat(condition(status, "Ready").get("status").getAsString()).isEqualTo("True");
    assertThat(condition(status, "Reconciled").get("status").getAsString()).isEqualTo("True");
    assertThat(events(NS)).anyMatch(e -> e.contains("Created Deployment fs"));
  }

  @Test
  void specChangesFlowToTheChildrenAndUnwantedChildrenAreDeleted() throws Exception {
    fixture.createServer(NS, "fs", FS_SPEC);
    fixture.awaitObject(ResourceType.POD_DISRUPTION_BUDGET, NS, "fs");
    fixture.awaitObject(ResourceType.INGRESS, NS, "fs");

    fixture.edit(
        ResourceType.MCP_SERVER,
        NS,
        "fs",
        s -> {
          JsonObject spec = s.getAsJsonObject("spec");
          spec.addProperty("tag", "2.0");
          spec.addProperty("replicas", 1);
          spec.remove("ingress");
        });

    await()
        .atMost(OperatorFixture.WAIT)
        .until(() -> image(deployment("fs")).equals("ghcr.io/example/fs-server:2.0"));
    assertThat(deployment("fs").getAsJsonObject("spec").get("replicas").getAsInt()).isEqualTo(1);
    await()
        .atMost(OperatorFixture.WAIT)
        .until(
            () ->
                fixture.get(ResourceType.POD_DISRUPTION_BUDGET, NS, "fs").isEmpty()
                    && fixture.get(ResourceType.INGRESS, NS, "fs").isEmpty());
  }

  @Test
  void aDeploymentWithAnEarlierSelectorIsRecreatedInsteadOfRefusedForever() throws Exception {
    fixture.createServer(NS, "fs", FS_SPEC);
    String firstUid =
        fixture
            .awaitObject(ResourceType.DEPLOYMENT, NS, "fs")
            .getAsJsonObject("metadata")
            .get("uid")
            .getAsString();

    // As a Deployment from a version that labelled pods app.kubernetes.io/name=mcp-server (the
    // in-JVM API server lets the selector change; a real one keeps it, and would refuse an update).
    fixture.edit(
        ResourceType.DEPLOYMENT,
        NS,
        "fs",
        d -> {
          JsonObject spec = d.getAsJsonObject("spec");
          spec.getAsJsonObject("selector")
              .getAsJsonObject("matchLabels")
              .addProperty("app.kubernetes.io/name", "mcp-server");
          spec.getAsJsonObject("template")
              .getAsJsonObject("metadata")
              .getAsJsonObject("labels")
              .addProperty("app.kubernetes.io/name", "mcp-server");
        });

    await()
        .atMost(OperatorFixture.WAIT)
        .until(
            () ->
                fixture
                    .get(ResourceType.DEPLOYMENT, NS, "fs")
                    .filter(
                        d ->
                            !d.getAsJsonObject("metadata")
                                .get("uid")
                                .getAsString()
                                .equals(firstUid))
                    .isPresent());
    JsonObject selector = deployment("fs").getAsJsonObject("spec").getAsJsonObject("selector");
    assertThat(selector.getAsJsonObject("matchLabels").get("app.kubernetes.io/name").getAsString())
        .isEqualTo("mcpserver");
    await()
        .atMost(OperatorFixture.WAIT)
        .until(() -> events(NS).stream().anyMatch(e -> e.contains("Deleted Deployment fs")));
  }

  @Test
  void revertsDriftButLeavesFieldsThatOthersOwn() throws Exception {
    fixture.createServer(NS, "fs", FS_SPEC);
    fixture.awaitObject(ResourceType.SERVICE, NS, "fs");
    fixture.awaitObject(ResourceType.DEPLOYMENT, NS, "fs");

    fixture.edit(
        ResourceType.DEPLOYMENT,
        NS,
        "fs",
        d -> {
          serverContainer(d).addProperty("image", "evil/image:latest");
          d.getAsJsonObject("metadata").getAsJsonObject("labels").addProperty("team", "search");
        });
    fixture.edit(
        ResourceType.SERVICE,
        NS,
        "fs",
        s -> s.getAsJsonObject("spec").addProperty("clusterIP", "10.96.0.42"));

    await()
        .atMost(OperatorFixture.WAIT)
        .until(() -> image(deployment("fs")).equals("ghcr.io/example/fs-server:1.0"));
    assertThat(
            deployment("fs")
                .getAsJsonObject("metadata")
                .getAsJsonObject("labels")
                .get("team")
                .getAsString())
        .isEqualTo("search");

    fixture.delete(ResourceType.SERVICE, NS, "fs");
    await()
        .atMost(OperatorFixture.WAIT)
        .until(() -> fixture.get(ResourceType.SERVICE, NS, "fs").isPresent());
  }

  @Test
  void aSettledServerCausesNoWritesAcrossResyncs() throws Exception {
    fixture.createServer(NS, "fs", FS_SPEC);
    fixture.awaitObject(ResourceType.DEPLOYMENT, NS, "fs");
    fixture.edit(
        ResourceType.SERVICE,
        NS,
        "fs",
        s -> s.getAsJsonObject("spec").addProperty("clusterIP", "10.96.0.42"));
    fixture.reportDeploymentReady(NS, "fs", 2);
    await().atMost(OperatorFixture.WAIT).until(() -> "Running".equals(fixture.phase(NS, "fs")));
    await().atMost(OperatorFixture.WAIT).until(this::settled);

    int mark = fixture.operatorRequests().mark();
    double before = reconciles();
    await().atMost(OperatorFixture.WAIT).until(() -> reconciles() >= before + 3);

    List<RequestCounter.Sent> writes = fixture.operatorRequests().writesSince(mark);
    assertThat(writes).isEmpty();
    assertThat(
            fixture
                .get(ResourceType.SERVICE, NS, "fs")
                .orElseThrow()
                .getAsJsonObject("spec")
                .get("clusterIP")
                .getAsString())
        .isEqualTo("10.96.0.42");
  }

  @Test
  void anInvalidSpecFailsWithAMessageWhileOtherServersStillReconcile() throws Exception {
    fixture.createServer(
        NS,
        "broken",
        "{\"image\": \"ghcr.io/example/fs-server\", \"command\": [\"x\"], \"port\": 8090}");
    fixture.createServer(NS, "good", FS_SPEC);

    await().atMost(OperatorFixture.WAIT).until(() -> "Failed".equals(fixture.phase(NS, "broken")));
    JsonObject status = fixture.status(NS, "broken");
    assertThat(condition(status, "Reconciled").get("reason").getAsString())
        .isEqualTo("InvalidSpec");
    assertThat(condition(status, "Reconciled").get("message").getAsString())
        .contains("choose another spec.port");
    fixture.awaitObject(ResourceType.DEPLOYMENT, NS, "good");
    assertThat(fixture.get(ResourceType.DEPLOYMENT, NS, "broken")).isEmpty();
    assertThat(events(NS)).anyMatch(e -> e.startsWith("Warning Failed"));
  }

  @Test
  void deletionScalesToZeroAndReleasesTheFinalizerWhenThePodsAreGone() throws Exception {
    fixture.createServer(NS, "fs", FS_SPEC);
    fixture.awaitObject(ResourceType.DEPLOYMENT, NS, "fs");
    fixture.core().createNamespacedPod(NS, pod("fs-abc", "fs", null)).execute();

    fixture.delete(ResourceType.MCP_SERVER, NS, "fs");

    await().atMost(OperatorFixture.WAIT).until(() -> "Terminating".equals(fixture.phase(NS, "fs")));
    await()
        .atMost(OperatorFixture.WAIT)
        .until(() -> deployment("fs").getAsJsonObject("spec").get("replicas").getAsInt() == 0);
    assertThat(fixture.get(ResourceType.MCP_SERVER, NS, "fs")).isPresent();

    fixture.core().deleteNamespacedPod("fs-abc", NS).execute();
    await()
        .atMost(OperatorFixture.WAIT)
        .until(() -> fixture.get(ResourceType.MCP_SERVER, NS, "fs").isEmpty());
  }

  @Test
  void podsThatCannotPullTheirImageFailTheServerWithTheReason() throws Exception {
    fixture.createServer(NS, "fs", FS_SPEC);
    fixture.awaitObject(ResourceType.DEPLOYMENT, NS, "fs");
    fixture.core().createNamespacedPod(NS, pod("fs-abc", "fs", "ImagePullBackOff")).execute();

    await().atMost(OperatorFixture.WAIT).until(() -> "Failed".equals(fixture.phase(NS, "fs")));
    assertThat(fixture.status(NS, "fs").toString()).contains("ImagePullBackOff");
  }

  @Test
  void neverTakesOverAnObjectItDoesNotOwn() throws Exception {
    fixture
        .core()
        .createNamespacedService(
            NS,
            new V1Service()
                .metadata(new V1ObjectMeta().name("taken").namespace(NS))
                .spec(new V1ServiceSpec().ports(List.of(new V1ServicePort().port(5432)))))
        .execute();
    fixture.createServer(NS, "taken", FS_SPEC);

    await()
        .atMost(OperatorFixture.WAIT)
        .until(() -> fixture.status(NS, "taken").toString().contains("NameConflict"));
    JsonObject service = fixture.get(ResourceType.SERVICE, NS, "taken").orElseThrow();
    assertThat(service.getAsJsonObject("metadata").has("ownerReferences")).isFalse();
    assertThat(service.toString()).contains("5432");
  }

  @Test
  void healthAndMetricsDescribeTheRunningOperator() throws Exception {
    fixture.createServer(NS, "fs", FS_SPEC);
    await().atMost(OperatorFixture.WAIT).until(() -> "Pending".equals(fixture.phase(NS, "fs")));

    await()
        .atMost(OperatorFixture.WAIT)
        .until(() -> http("/observe/health/ready").statusCode() == 200);
    HttpResponse<String> metrics = http("/observe/metrics");
    assertThat(metrics.body())
        .containsPattern("mcp_operator_reconcile_total\\{[^}]*controller=\"mcpserver\"[^}]*} [1-9]")
        .containsPattern("mcp_operator_servers\\{[^}]*phase=\"Pending\"[^}]*} [1-9]");
  }

  private HttpResponse<String> http(String path) throws Exception {
    int port = fixture.operator().web().port();
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
            HttpResponse.BodyHandlers.ofString());
  }

  private boolean settled() {
    int mark = fixture.operatorRequests().mark();
    double before = reconciles();
    await().atMost(OperatorFixture.WAIT).until(() -> reconciles() >= before + 1);
    return fixture.operatorRequests().writesSince(mark).isEmpty();
  }

  private static double reconciles() {
    return Metrics.globalRegistry()
        .counter("mcp_operator_reconcile_total", List.of(Tag.create("controller", "mcpserver")))
        .map(c -> (double) c.count())
        .orElse(0.0);
  }

  private JsonObject deployment(String name) {
    return fixture.get(ResourceType.DEPLOYMENT, NS, name).orElseThrow();
  }

  private static JsonObject serverContainer(JsonObject deployment) {
    return deployment
        .getAsJsonObject("spec")
        .getAsJsonObject("template")
        .getAsJsonObject("spec")
        .getAsJsonArray("containers")
        .get(0)
        .getAsJsonObject();
  }

  private static String image(JsonObject deployment) {
    return serverContainer(deployment).get("image").getAsString();
  }

  private static JsonObject condition(JsonObject status, String type) {
    JsonArray conditions = status.getAsJsonArray("conditions");
    for (JsonElement c : conditions) {
      if (type.equals(c.getAsJsonObject().get("type").getAsString())) {
        return c.getAsJsonObject();
      }
    }
    throw new AssertionError("no condition " + type + " in " + status);
  }

  private List<String> events(String namespace) throws Exception {
    return fixture.core().listNamespacedEvent(namespace).execute().getItems().stream()
        .map((CoreV1Event e) -> e.getType() + " " + e.getReason() + " " + e.getMessage())
        .toList();
  }

  private static V1Pod pod(String name, String server, String waitingReason) {
    V1Pod pod =
        new V1Pod()
            .metadata(
                new V1ObjectMeta()
                    .name(name)
                    .namespace(NS)
                    .labels(
                        Map.of(
                            "app.kubernetes.io/name", "mcpserver",
                            "app.kubernetes.io/instance", server,
                            "app.kubernetes.io/managed-by", "mcp-operator")));
    if (waitingReason != null) {
      pod.status(
          new V1PodStatus()
              .phase("Pending")
              .containerStatuses(
                  List.of(
                      new V1ContainerStatus()
                          .name("server")
                          .image("ghcr.io/example/fs-server:1.0")
                          .imageID("")
                          .ready(false)
                          .restartCount(0)
                          .state(
                              new V1ContainerState()
                                  .waiting(
                                      new V1ContainerStateWaiting()
                                          .reason(waitingReason)
                                          .message("Back-off pulling image"))))));
    }
    return pod;
  }
}
