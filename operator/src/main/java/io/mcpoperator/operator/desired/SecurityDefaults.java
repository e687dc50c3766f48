package io.mcpoperator.operator.desired;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.kubernetes.client.openapi.models.V1Capabilities;
import io.kubernetes.client.openapi.models.V1PodSecurityContext;
import io.kubernetes.client.openapi.models.V1SeccompProfile;
import io.kubernetes.client.openapi.models.V1SecurityContext;
import io.mcpoperator.operator.api.KubernetesJson;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Security contexts that pass the PodSecurity {@code restricted} profile. The spec's {@code
 * podSecurityContext} / {@code securityContext} are merged over them field by field, so a user who
 * sets one field keeps the other defaults (and can still loosen a default explicitly). Empty lists
 * and objects in an override set nothing.
 */
final class SecurityDefaults {
  /** uid/gid 65532: the conventional non-root user of distroless images. */
  static final long NON_ROOT_ID = 65532L;

  private SecurityDefaults() {}

  static V1PodSecurityContext pod(Optional<V1PodSecurityContext> override) {
    V1PodSecurityContext defaults =
        new V1PodSecurityContext()
            .runAsNonRoot(true)
            .runAsUser(NON_ROOT_ID)
            .runAsGroup(NON_ROOT_ID)
            .fsGroup(NON_ROOT_ID)
            .seccompProfile(new V1SeccompProfile().type("RuntimeDefault"));
    return merge(defaults, override);
  }

  /** The server container: no privilege escalation, no capabilities. */
  static V1SecurityContext server(Optional<V1SecurityContext> override) {
    return merge(hardened(), override);
  }

  /** The gateway container: as the server, and a read-only root file system. */
  static V1SecurityContext gateway() {
    return hardened().readOnlyRootFilesystem(true);
  }

  private static V1SecurityContext hardened() {
    return new V1SecurityContext()
        .allowPrivilegeEscalation(false)
        .capabilities(new V1Capabilities().drop(List.of("ALL")));
  }

  @SuppressWarnings("unchecked")
  private static <T> T merge(T defaults, Optional<T> override) {
    if (override.isEmpty()) {
      return defaults;
    }
    JsonObject merged =
        deepMerge(KubernetesJson.tree(defaults), KubernetesJson.tree(override.get()));
    return (T) KubernetesJson.read(merged, defaults.getClass());
  }

  private static JsonObject deepMerge(JsonElement base, JsonElement overlay) {
    JsonObject result = base.getAsJsonObject().deepCopy();
    for (Map.Entry<String, JsonElement> e : overlay.getAsJsonObject().entrySet()) {
      if (empty(e.getValue())) {
        continue;
      }
      JsonElement current = result.get(e.getKey());
      if (current != null && current.isJsonObject() && e.getValue().isJsonObject()) {
        result.add(e.getKey(), deepMerge(current, e.getValue()));
      } else {
        result.add(e.getKey(), e.getValue().deepCopy());
      }
    }
    return result;
  }

  private static boolean empty(JsonElement value) {
    return value.isJsonNull()
        || value.isJsonArray() && value.getAsJsonArray().isEmpty()
        || value.isJsonObject() && value.getAsJsonObject().isEmpty();
  }
}
