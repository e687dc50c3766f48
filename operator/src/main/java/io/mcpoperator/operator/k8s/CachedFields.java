package io.mcpoperator.operator.k8s;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.informer.TransformFunc;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesObject;

/**
 * Trims what informers keep to what the operator reads: {@code metadata.managedFields} always (a
 * PUT without it leaves the stored field list as it was), and the {@code
 * kubectl.kubernetes.io/last-applied-configuration} annotation on every type but MCPServer. The
 * operator writes MCPServers' finalizer with a PUT of the cached object, which would drop an
 * annotation missing from the cache and break {@code kubectl apply}'s three-way merge; the other
 * types are only ever written through the status subresource or are the operator's own children.
 */
final class CachedFields {
  static final String LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";

  private CachedFields() {}

  /** The informer transform for objects of {@code type}. */
  static TransformFunc of(ResourceType type) {
    boolean keepLastApplied = ResourceType.MCP_SERVER.equals(type);
    return object -> trim(object, keepLastApplied);
  }

  static KubernetesObject trim(KubernetesObject object, boolean keepLastApplied) {
    if (!(object instanceof DynamicKubernetesObject dynamic)) {
      return object;
    }
    JsonElement metadata = dynamic.getRaw().get("metadata");
    if (metadata == null || !metadata.isJsonObject()) {
      return object;
    }
    JsonObject meta = metadata.getAsJsonObject();
    meta.remove("managedFields");
    JsonElement annotations = meta.get("annotations");
    if (!keepLastApplied && annotations != null && annotations.isJsonObject()) {
      annotations.getAsJsonObject().remove(LAST_APPLIED);
      if (annotations.getAsJsonObject().isEmpty()) {
        meta.remove("annotations");
      }
    }
    return new DynamicKubernetesObject(dynamic.getRaw());
  }
}
