package io.mcpoperator.operator.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The MCPServer controller skips the events of status-only writes (its own), nothing else. */
class StatusOnlyUpdatesTest {
  private static DynamicKubernetesObject server(
      String resourceVersion, String specImage, String phase) {
    JsonObject o =
        JsonParser.parseString(
                """
                {"apiVersion": "mcpoperator.io/v1alpha1", "kind": "MCPServer",
                 "metadata": {"name": "a", "namespace": "n", "resourceVersion": "%s",
                              "labels": {"team": "x"}},
                 "spec": {"image": "%s"}, "status": {"phase": "%s"}}
                """
                    .formatted(resourceVersion, specImage, phase))
            .getAsJsonObject();
    return new DynamicKubernetesObject(o);
  }

  @Test
  void aStatusWriteNeedsNoReconcile() {
    assertThat(
            McpServerController.onlyStatusChanged(
                server("1", "img", "Pending"), server("2", "img", "Running")))
        .isTrue();
  }

  @Test
  void aSpecOrMetadataChangeDoes() {
    assertThat(
            McpServerController.onlyStatusChanged(
                server("1", "img", "Pending"), server("2", "other", "Pending")))
        .isFalse();
    DynamicKubernetesObject relabelled = server("2", "img", "Pending");
    relabelled
        .getRaw()
        .getAsJsonObject("metadata")
        .getAsJsonObject("labels")
        .addProperty("team", "y");
    assertThat(McpServerController.onlyStatusChanged(server("1", "img", "Pending"), relabelled))
        .isFalse();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "generation: 2",
        "deletionTimestamp: \"2026-12-07T12:00:00Z\"",
        "finalizers: [\"mcpoperator.io/finalizer\"]",
        "annotations: {\"note\": \"x\"}",
        "ownerReferences: [{\"kind\": \"X\", \"name\": \"x\"}]"
      })
  void aMetadataChangeDoesWhateverTheStatusDid(String field) {
    DynamicKubernetesObject after = server("2", "img", "Running");
    JsonObject metadata = after.getRaw().getAsJsonObject("metadata");
    JsonObject change = JsonParser.parseString("{" + field + "}").getAsJsonObject();
    change.entrySet().forEach(e -> metadata.add(e.getKey(), e.getValue()));

    assertThat(McpServerController.onlyStatusChanged(server("1", "img", "Pending"), after))
        .isFalse();
  }

  @Test
  void managedFieldsAloneDoNotCount() {
    DynamicKubernetesObject after = server("2", "img", "Running");
    after
        .getRaw()
        .getAsJsonObject("metadata")
        .add("managedFields", JsonParser.parseString("[{\"manager\": \"kubectl\"}]"));

    assertThat(McpServerController.onlyStatusChanged(server("1", "img", "Pending"), after))
        .isTrue();
  }

  @Test
  void aResyncOfTheSameVersionDoes() {
    assertThat(
            McpServerController.onlyStatusChanged(
                server("7", "img", "Running"), server("7", "img", "Running")))
        .isFalse();
  }
}
