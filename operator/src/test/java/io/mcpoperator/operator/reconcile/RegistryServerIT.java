package io.mcpoperator.operator.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import io.kubernetes.client.openapi.JSON;
import io.kubernetes.client.openapi.apis.AppsV1Api;
import io.kubernetes.client.openapi.models.CoreV1Event;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.mcpoperator.operator.k8s.ResourceType;
import io.mcpoperator.operator.mcpregistry.LoopbackRegistry;
import io.mcpoperator.operator.mcpregistry.RegistrySpec;
import io.mcpoperator.operator.testing.ClusterUser;
import io.mcpoperator.operator.testing.OperatorFixture;
import java.util.List;
import java.util.Optional;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * MCPRegistry → MCPServer by name → Deployment, against the loopback v0.1 registry and the in-JVM
 * API server: npm and OCI entries run, an entry that is not there creates nothing and says why, and
 * a registry outage leaves the Deployment as it is while status says it runs the cached spec.
 */
class RegistryServerIT {
  private LoopbackRegistry registry;
  private OperatorFixture fixture;

  @BeforeEach
  void start() throws Exception {
    registry = LoopbackRegistry.withFixtures();
    fixture = OperatorFixture.start();
    fixture.create(
        ResourceType.MCP_REGISTRY,
        """
        apiVersion: mcpoperator.io/v1alpha1
        kind: MCPRegistry
        metadata: {name: official, namespace: default}
        spec:
          source:
            api: {url: "%s"}
        """
            .formatted(registry.uri()));
    Awaitility.await()
        .atMost(ClusterUser.WAIT)
        .until(() -> registryStatus().map(s -> s.has("cache")).orElse(false));
  }

  @AfterEach
  void stop() {
    fixture.close();
    registry.close();
  }

  @Test
  void anNpmEntryRunsWithNpxAndAnOutageLeavesItsDeploymentUnchanged() throws Exception {
    fixture.createServer(
        "default",
        "playwright",
        """
        {"registry": {"registryRef": {"name": "official"},
                      "name": "io.github.microsoft/playwright-mcp"}}
        """);

    V1Deployment deployment = awaitDeployment("playwright");
    V1Container server = serverContainer(deployment);
    assertThat(server.getImage()).isEqualTo("docker.io/library/node:24-alpine");
    assertThat(JSON.getGson().toJson(deployment.getSpec().getTemplate()))
        .contains("\"npx\",\"-y\",\"@playwright/mcp@0.1.0\"");
    JsonObject resolved = awaitRegistryStatus("playwright", r -> r.has("specDigest"));
    assertThat(resolved.get("resolvedVersion").getAsString()).isEqualTo("0.1.0");
    assertThat(resolved.get("requestedVersion").getAsString()).isEqualTo("latest");
    assertThat(resolved.get("packageType").getAsString()).isEqualTo("npm");
    assertThat(resolved.get("identifier").getAsString()).isEqualTo("@playwright/mcp");
    assertThat(resolved.get("specDigest").getAsString()).startsWith("sha256:");
    assertThat(resolved.get("usingCachedSpec").getAsBoolean()).isFalse();
    assertThat(condition("playwright", "RegistryResolved", "reason")).isEqualTo("Resolved");

    registry.failWith(503);
    fixture.edit(
        ResourceType.MCP_REGISTRY,
        "default",
        "official",
        o -> {
          JsonObject annotations = new JsonObject();
          annotations.addProperty(RegistrySpec.SYNC_REQUESTED, "outage");
          o.getAsJsonObject("metadata").add("annotations", annotations);
        });

    JsonObject cached =
        awaitRegistryStatus("playwright", r -> r.get("usingCachedSpec").getAsBoolean());
    assertThat(cached.get("specDigest")).isEqualTo(resolved.get("specDigest"));
    assertThat(condition("playwright", "RegistryResolved", "reason"))
        .isEqualTo("RegistryUnavailable");
    assertThat(condition("playwright", "RegistryResolved", "message"))
        .contains("cannot sync; resolved from its last good data");
    V1Deployment after = awaitDeployment("playwright");
    assertThat(after.getMetadata().getGeneration())
        .isEqualTo(deployment.getMetadata().getGeneration());
    assertThat(after.getSpec().getTemplate()).isEqualTo(deployment.getSpec().getTemplate());
  }

  @Test
  void anOciEntryRunsItsImageWithSecretEnvAndExplicitCommand() throws Exception {
    fixture.createServer(
        "default",
        "github",
        """
        {"command": ["/server/github-mcp-server"],
         "registry": {"registryRef": {"name": "official"},
                      "name": "io.github.github/github-mcp-server", "version": "0.20.1",
                      "inputs": {"token": {"secretKeyRef": {"name": "gh", "key": "pat"}}}}}
        """);

    V1Deployment deployment = awaitDeployment("github");
    String template = JSON.getGson().toJson(deployment.getSpec().getTemplate());
    assertThat(template).contains("ghcr.io/github/github-mcp-server:0.20.1");
    assertThat(template).contains("/server/github-mcp-server");
    assertThat(template).contains("GITHUB_PERSONAL_ACCESS_TOKEN");
    assertThat(template).contains("\"name\":\"gh\"").contains("\"key\":\"pat\"");
    assertThat(awaitRegistryStatus("github", r -> r.has("packageType")).get("packageType"))
        .isEqualTo(new com.google.gson.JsonPrimitive("oci"));
  }

  @Test
  void anEntryThatIsNotThereCreatesNothingAndSaysWhy() throws Exception {
    fixture.createServer(
        "default",
        "missing",
        """
        {"registry": {"registryRef": {"name": "official"}, "name": "io.github.nobody/nothing"}}
        """);

    Awaitility.await()
        .atMost(ClusterUser.WAIT)
        .until(() -> "ServerNotFound".equals(condition("missing", "RegistryResolved", "reason")));
    assertThat(condition("missing", "RegistryResolved", "message"))
        .contains("server \"io.github.nobody/nothing\" not found in registry \"official\"")
        .contains("nothing is created");
    assertThat(fixture.phase("default", "missing")).isEqualTo("Failed");
    assertThat(deployment("missing")).isEmpty();
    Awaitility.await().atMost(ClusterUser.WAIT).until(() -> reasons().contains("ServerNotFound"));
  }

  private Optional<JsonObject> registryStatus() {
    return fixture
        .get(ResourceType.MCP_REGISTRY, "default", "official")
        .map(o -> o.getAsJsonObject("status"));
  }

  private JsonObject awaitRegistryStatus(
      String server, java.util.function.Predicate<JsonObject> done) {
    Awaitility.await()
        .atMost(ClusterUser.WAIT)
        .until(
            () -> {
              JsonObject s = fixture.status("default", server);
              return s != null && s.has("registry") && done.test(s.getAsJsonObject("registry"));
            });
    return fixture.status("default", server).getAsJsonObject("registry");
  }

  private String condition(String server, String type, String field) {
    JsonObject status = fixture.status("default", server);
    if (status == null || !status.has("conditions")) {
      return null;
    }
    for (var c : status.getAsJsonArray("conditions")) {
      if (c.getAsJsonObject().get("type").getAsString().equals(type)) {
        return c.getAsJsonObject().get(field).getAsString();
      }
    }
    return null;
  }

  private V1Deployment awaitDeployment(String name) {
    Awaitility.await().atMost(ClusterUser.WAIT).until(() -> deployment(name).isPresent());
    return deployment(name).orElseThrow();
  }

  private Optional<V1Deployment> deployment(String name) {
    try {
      return new AppsV1Api(fixture.client())
          .listNamespacedDeployment("default").execute().getItems().stream()
              .filter(d -> d.getMetadata().getName().equals(name))
              .findFirst();
    } catch (io.kubernetes.client.openapi.ApiException e) {
      return Optional.empty();
    }
  }

  private static V1Container serverContainer(V1Deployment deployment) {
    List<V1Container> containers = deployment.getSpec().getTemplate().getSpec().getContainers();
    return containers.stream()
        .filter(c -> !"gateway".equals(c.getName()))
        .findFirst()
        .orElseGet(() -> containers.get(0));
  }

  private List<String> reasons() throws Exception {
    return fixture.core().listNamespacedEvent("default").execute().getItems().stream()
        .filter(e -> "MCPServer".equals(e.getInvolvedObject().getKind()))
        .map(CoreV1Event::getReason)
        .toList();
  }
}
