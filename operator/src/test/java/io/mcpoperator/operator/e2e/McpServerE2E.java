package io.mcpoperator.operator.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.helidon.metrics.api.Metrics;
import io.helidon.metrics.api.Tag;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.apis.ApiextensionsV1Api;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1CustomResourceDefinition;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.util.Config;
import io.kubernetes.client.util.Yaml;
import io.mcpoperator.operator.Main;
import io.mcpoperator.operator.k8s.KubeClients;
import io.mcpoperator.operator.k8s.ResourceType;
import io.mcpoperator.operator.testing.ClusterUser;
import io.mcpoperator.operator.testing.OperatorFixture;
import io.mcpoperator.operator.testing.RequestCounter;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.k3s.K3sContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The operator against a real API server (k3s): the CRD from {@code crds/} with its schema,
 * defaults, printer columns and status subresource; real garbage collection and a real Deployment
 * controller. Skipped without Docker.
 */
@Testcontainers(disabledWithoutDocker = true)
class McpServerE2E {

  private static final Duration WAIT = Duration.ofMinutes(3);
  private static final String NS = "e2e";

  @Container
  static final K3sContainer K3S =
      new K3sContainer(DockerImageName.parse("rancher/k3s:v1.31.4-k3s1"));

  private static ApiClient client;
  private static ClusterUser user;
  private static Main.Running operator;
  private static final RequestCounter OPERATOR_REQUESTS = new RequestCounter();

  @BeforeAll
  static void installCrdAndStartOperator() throws Exception {
    client = clientFor(Duration.ofSeconds(30));
    user = new ClusterUser(client);
    Path crd = Path.of("..", "crds", "mcpoperator.io_mcpservers.yaml");
    new ApiextensionsV1Api(client)
        .createCustomResourceDefinition(
            Yaml.loadAs(Files.readString(crd), V1CustomResourceDefinition.class))
        .execute();
    await()
        .atMost(WAIT)
        .ignoreExceptions()
        .until(
            () ->
                new ApiextensionsV1Api(client)
                        .readCustomResourceDefinition("mcpservers.mcpoperator.io")
                        .execute()
                        .getStatus()
                        .getConditions()
                        .stream()
                        .anyMatch(
                            c ->
                                "Established".equals(c.getType()) && "True".equals(c.getStatus())));
    new CoreV1Api(client)
        .createNamespace(new V1Namespace().metadata(new V1ObjectMeta().name(NS)))
        .execute();
    operator =
        Main.start(
            OperatorFixture.config(true, "e2e-operator"),
            new KubeClients(counted(clientFor(Duration.ofSeconds(30))), clientFor(Duration.ZERO)));
  }

  @AfterAll
  static void stop() {
    if (operator != null) {
      operator.close();
    }
  }

  @Test
  void createsChildrenReportsStatusAndCleansUpThroughTheFinalizer() throws Exception {
    user.createServer(
        NS,
        "fs",
        """
        {"image": "ghcr.io/mcp-operator/e2e-image-that-does-not-exist", "tag": "0.0.1",
         "command": ["node", "server.js"], "replicas": 2}
        """);

    for (ResourceType type :
        List.of(
            ResourceType.DEPLOYMENT, ResourceType.SERVICE, ResourceType.POD_DISRUPTION_BUDGET)) {
      JsonObject child = awaitObject(type, "fs");
      assertThat(child.getAsJsonObject("metadata").getAsJsonArray("ownerReferences")).hasSize(1);
    }
    awaitObject(ResourceType.CONFIG_MAP, "fs-gateway");

    await().atMost(WAIT).until(() -> user.status(NS, "fs").toString().contains("ImagePull"));
    JsonObject status = user.status(NS, "fs");
    assertThat(status.get("phase").getAsString()).isEqualTo("Failed");
    assertThat(status.get("observedGeneration").getAsLong()).isEqualTo(1);
    assertThat(status.get("url").getAsString())
        .isEqualTo("http://fs.e2e.svc.cluster.local:8080/mcp");

    int mark = OPERATOR_REQUESTS.mark();
    double before = reconciles();
    await().atMost(WAIT).until(() -> reconciles() >= before + 3);
    assertThat(OPERATOR_REQUESTS.writesSince(mark))
        .as("a settled server's children are not rewritten by a real API server's defaults")
        .noneMatch(w -> CHILD_PATHS.stream().anyMatch(w.path()::contains));

    List<String> columns = printerColumns();
    assertThat(columns).contains("IMAGE", "TAG", "REPLICAS", "READY", "PHASE", "AGE", "URL");

    user.delete(ResourceType.MCP_SERVER, NS, "fs");
    await().atMost(WAIT).until(() -> user.get(ResourceType.MCP_SERVER, NS, "fs").isEmpty());
    await().atMost(WAIT).until(() -> user.get(ResourceType.DEPLOYMENT, NS, "fs").isEmpty());
  }

  @Test
  void anInvalidSpecIsReportedWithWhatToFix() throws Exception {
    user.createServer(
        NS, "broken", "{\"image\": \"example/server\", \"command\": [\"x\"], \"port\": 8090}");

    await().atMost(WAIT).until(() -> "Failed".equals(user.phase(NS, "broken")));
    assertThat(user.status(NS, "broken").toString()).contains("choose another spec.port");
    assertThat(user.get(ResourceType.DEPLOYMENT, NS, "broken")).isEmpty();
  }

  private static JsonObject awaitObject(ResourceType type, String name) {
    await().atMost(WAIT).until(() -> user.get(type, NS, name).isPresent());
    return user.get(type, NS, name).orElseThrow();
  }

  /** Column names of {@code kubectl get mcpservers -o wide}, from the API's Table response. */
  private static List<String> printerColumns() throws Exception {
    Request request =
        new Request.Builder()
            .url(
                client.getBasePath()
                    + "/apis/mcpoperator.io/v1alpha1/namespaces/"
                    + NS
                    + "/mcpservers")
            .header("Accept", "application/json;as=Table;v=v1;g=meta.k8s.io")
            .build();
    try (Response response = client.getHttpClient().newCall(request).execute()) {
      JsonArray definitions =
          JsonParser.parseString(response.body().string())
              .getAsJsonObject()
              .getAsJsonArray("columnDefinitions");
      List<String> names = new ArrayList<>();
      for (JsonElement d : definitions) {
        names.add(d.getAsJsonObject().get("name").getAsString().toUpperCase(java.util.Locale.ROOT));
      }
      return names;
    }
  }

  private static final List<String> CHILD_PATHS =
      List.of("/deployments", "/services", "/configmaps", "/poddisruptionbudgets", "/ingresses");

  private static double reconciles() {
    return Metrics.globalRegistry()
        .counter("mcp_operator_reconcile_total", List.of(Tag.create("controller", "mcpserver")))
        .map(c -> (double) c.count())
        .orElse(0.0);
  }

  private static ApiClient counted(ApiClient api) {
    api.setHttpClient(api.getHttpClient().newBuilder().addInterceptor(OPERATOR_REQUESTS).build());
    return api;
  }

  private static ApiClient clientFor(Duration readTimeout) throws Exception {
    ApiClient api = Config.fromConfig(new StringReader(K3S.getKubeConfigYaml()));
    api.setHttpClient(api.getHttpClient().newBuilder().readTimeout(readTimeout).build());
    return api;
  }
}
