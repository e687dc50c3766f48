package io.mcpoperator.operator.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesObject;
import org.junit.jupiter.api.Test;

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

  @Test
  void aResyncOfTheSameVersionDoes() {
    assertThat(
            McpServerController.onlyStatusChanged(
                server("7", "img", "Running"), server("7", "img", "Running")))
        .isFalse();
  }
}
