package io.mcpoperator.operator.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesObject;
import org.junit.jupiter.api.Test;

class CachedFieldsTest {
  private static DynamicKubernetesObject object() {
    return new DynamicKubernetesObject(
        JsonParser.parseString(
                """
                {"apiVersion": "v1", "kind": "ConfigMap",
                 "metadata": {"name": "a", "namespace": "n",
                   "managedFields": [{"manager": "kubectl", "fieldsV1": {"f:data": {}}}],
                   "annotations": {"kubectl.kubernetes.io/last-applied-configuration": "{...}",
                                   "keep": "me"}},
                 "data": {"k": "v"}}
                """)
            .getAsJsonObject());
  }

  @Test
  void managedFieldsAndLastAppliedAreDroppedFromChildren() {
    JsonObject trimmed =
        ((DynamicKubernetesObject) CachedFields.of(ResourceType.CONFIG_MAP).transform(object()))
            .getRaw();
    JsonObject metadata = trimmed.getAsJsonObject("metadata");
    assertThat(metadata.has("managedFields")).isFalse();
    assertThat(metadata.getAsJsonObject("annotations").keySet()).containsExactly("keep");
    assertThat(trimmed.getAsJsonObject("data").get("k").getAsString()).isEqualTo("v");
  }

  @Test
  void mcpServersKeepTheirLastAppliedAnnotation() {
    JsonObject metadata =
        ((DynamicKubernetesObject) CachedFields.of(ResourceType.MCP_SERVER).transform(object()))
            .getRaw()
            .getAsJsonObject("metadata");
    assertThat(metadata.has("managedFields")).isFalse();
    assertThat(metadata.getAsJsonObject("annotations").has(CachedFields.LAST_APPLIED)).isTrue();
  }

  @Test
  void anEmptiedAnnotationMapIsRemoved() {
    DynamicKubernetesObject o = object();
    o.getRaw().getAsJsonObject("metadata").getAsJsonObject("annotations").remove("keep");
    JsonObject metadata =
        ((DynamicKubernetesObject) CachedFields.of(ResourceType.DEPLOYMENT).transform(o))
            .getRaw()
            .getAsJsonObject("metadata");
    assertThat(metadata.has("annotations")).isFalse();
  }
}
