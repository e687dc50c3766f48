package io.mcpoperator.operator.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import io.helidon.metrics.api.Counter;
import io.helidon.metrics.api.Metrics;
import io.kubernetes.client.openapi.models.CoreV1Event;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.mcpoperator.operator.k8s.RegistryCacheStore;
import io.mcpoperator.operator.k8s.ResourceType;
import io.mcpoperator.operator.mcpregistry.Catalog;
import io.mcpoperator.operator.mcpregistry.CatalogCodec;
import io.mcpoperator.operator.mcpregistry.LoopbackRegistry;
import io.mcpoperator.operator.mcpregistry.RegistrySpec;
import io.mcpoperator.operator.testing.ClusterUser;
import io.mcpoperator.operator.testing.OperatorFixture;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An MCPRegistry against the loopback v0.1 registry and the in-JVM API server: it syncs, keeps the
 * data in ConfigMaps it owns, and an outage keeps that data and says so in status and events.
 */
class McpRegistrySyncIT {
  private LoopbackRegistry registry;
  private OperatorFixture fixture;

  @BeforeEach
  void start() throws Exception {
    registry = LoopbackRegistry.withFixtures();
    fixture = OperatorFixture.start();
  }

  @AfterEach
  void stop() {
    fixture.close();
    registry.close();
  }

  private void createRegistry(String name, String spec) throws Exception {
    fixture.create(
        ResourceType.MCP_REGISTRY,
        """
        apiVersion: mcpoperator.io/v1alpha1
        kind: MCPRegistry
        metadata: {name: %s, namespace: default}
        spec:
        %s
        """
            .formatted(name, spec.indent(2)));
  }

  private JsonObject status(String name) {
    return fixture
        .get(ResourceType.MCP_REGISTRY, "default", name)
        .map(o -> o.getAsJsonObject("status"))
        .orElse(null);
  }

  private JsonObject awaitStatus(String name, java.util.function.Predicate<JsonObject> done) {
    Awaitility.await()
        .atMost(ClusterUser.WAIT)
        .until(() -> status(name) != null && done.test(status(name)));
    return status(name);
  }

  private static String condition(JsonObject status, String type, String field) {
    for (var c : status.getAsJsonArray("conditions")) {
      if (c.getAsJsonObject().get("type").getAsString().equals(type)) {
        return c.getAsJsonObject().get(field).getAsString();
      }
    }
    return null;
  }

  @Test
  void syncsIntoOwnedConfigMapsAndAnOutageKeepsTheLastGoodData() throws Exception {
    createRegistry(
        "official",
        """
        source:
          api: {url: "%s"}
        filter: {latestOnly: true}
        """
            .formatted(registry.uri()));

    JsonObject synced =
        awaitStatus("official", s -> s.has("synced") && s.get("synced").getAsBoolean());

    assertThat(synced.get("serverCount").getAsInt()).isEqualTo(7);
    assertThat(synced.get("source").getAsString()).isEqualTo(registry.uri().toString());
    assertThat(condition(synced, "Ready", "status")).isEqualTo("True");
    assertThat(condition(synced, "Synced", "reason")).isEqualTo("Synced");
    String cacheName = RegistryCacheStore.name("official", 0);
    assertThat(synced.getAsJsonArray("cache").get(0).getAsString()).isEqualTo(cacheName);
    V1ConfigMap cache = fixture.core().readNamespacedConfigMap(cacheName, "default").execute();
    assertThat(cache.getMetadata().getOwnerReferences())
        .singleElement()
        .satisfies(o -> assertThat(o.getKind()).isEqualTo("MCPRegistry"));
    Catalog stored =
        CatalogCodec.decode(List.of(cache.getBinaryData().get(RegistryCacheStore.KEY)))
            .orElseThrow();
    assertThat(stored.find("io.github.github/github-mcp-server", "latest"))
        .map(e -> e.version())
        .contains("0.20.1");
    assertThat(stored.knows("io.github.example/removed-tool")).isFalse();

    registry.failWith(503);
    fixture.edit(
        ResourceType.MCP_REGISTRY,
        "default",
        "official",
        o -> {
          JsonObject annotations = new JsonObject();
          annotations.addProperty(RegistrySpec.SYNC_REQUESTED, "outage-1");
          o.getAsJsonObject("metadata").add("annotations", annotations);
        });

    JsonObject failing =
        awaitStatus("official", s -> s.has("synced") && !s.get("synced").getAsBoolean());

    assertThat(failing.get("consecutiveFailures").getAsInt()).isEqualTo(1);
    assertThat(failing.get("lastError").getAsString()).contains("HTTP 503");
    assertThat(failing.get("serverCount").getAsInt()).isEqualTo(7);
    assertThat(failing.get("lastSyncTime")).isEqualTo(synced.get("lastSyncTime"));
    assertThat(condition(failing, "Synced", "reason")).isEqualTo("RegistryUnavailable");
    assertThat(condition(failing, "Ready", "status")).isEqualTo("True");
    assertThat(condition(failing, "Ready", "reason")).isEqualTo("UsingCachedData");
    V1ConfigMap after = fixture.core().readNamespacedConfigMap(cacheName, "default").execute();
    assertThat(after.getBinaryData().get(RegistryCacheStore.KEY))
        .isEqualTo(cache.getBinaryData().get(RegistryCacheStore.KEY));
    Awaitility.await()
        .atMost(ClusterUser.WAIT)
        .until(() -> reasons().contains("SyncFailed") && reasons().contains("Synced"));
    assertThat(count("mcp_registry_sync_total", "result", "failure")).isPositive();
    assertThat(count("mcp_registry_requests_total", "code", "503")).isPositive();
  }

  @Test
  void aRegistryWithNoDataYetIsNotReadyAndSaysWhy() throws Exception {
    registry.failWith(500);
    createRegistry(
        "down",
        """
        source:
          api: {url: "%s"}
        """
            .formatted(registry.uri()));

    JsonObject status = awaitStatus("down", s -> s.has("synced"));

    assertThat(condition(status, "Ready", "status")).isEqualTo("False");
    assertThat(condition(status, "Ready", "message")).startsWith("no data yet: registry ");
    assertThat(status.has("serverCount")).isFalse();
  }

  @Test
  void aConfigMapSourceSyncsAndAMissingOneIsNamed() throws Exception {
    createRegistry(
        "local",
        """
        source:
          configMap: {name: catalog, key: servers.json, format: serverJson}
        syncInterval: "0"
        """);
    JsonObject missing = awaitStatus("local", s -> s.has("synced"));
    assertThat(condition(missing, "Synced", "reason")).isEqualTo("SourceNotFound");
    assertThat(missing.get("lastError").getAsString())
        .contains("configmap default/catalog key servers.json");

    fixture
        .core()
        .createNamespacedConfigMap(
            "default",
            new V1ConfigMap()
                .metadata(new io.kubernetes.client.openapi.models.V1ObjectMeta().name("catalog"))
                .data(
                    java.util.Map.of(
                        "servers.json",
                        "[" + LoopbackRegistry.fixture("playwright-mcp").get("server") + "]")))
        .execute();
    fixture.edit(
        ResourceType.MCP_REGISTRY,
        "default",
        "local",
        o -> {
          JsonObject annotations = new JsonObject();
          annotations.addProperty(RegistrySpec.SYNC_REQUESTED, "1");
          o.getAsJsonObject("metadata").add("annotations", annotations);
        });

    JsonObject synced = awaitStatus("local", s -> s.get("synced").getAsBoolean());
    assertThat(synced.get("serverCount").getAsInt()).isEqualTo(1);
    assertThat(synced.get("syncRequested").getAsString()).isEqualTo("1");
  }

  private List<String> reasons() throws Exception {
    return fixture.core().listNamespacedEvent("default").execute().getItems().stream()
        .filter(e -> "MCPRegistry".equals(e.getInvolvedObject().getKind()))
        .map(CoreV1Event::getReason)
        .toList();
  }

  private static double count(String meter, String tag, String value) {
    return Metrics.globalRegistry().meters().stream()
        .filter(m -> m.id().name().equals(meter))
        .filter(
            m ->
                java.util.stream.StreamSupport.stream(m.id().tags().spliterator(), false)
                    .anyMatch(t -> t.key().equals(tag) && t.value().equals(value)))
        .mapToDouble(m -> ((Counter) m).count())
        .sum();
  }
}
