package io.mcpoperator.operator.desired;

import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1OwnerReference;
import io.mcpoperator.operator.api.McpServer;
import io.mcpoperator.operator.api.ResourceMeta;
import java.util.List;
import java.util.TreeMap;

/** Metadata of a child: name, namespace, labels and the controller owner reference. */
final class ChildMetadata {
  private ChildMetadata() {}

  /**
   * Metadata for a child named {@code name}. The owner reference is left out when the server has no
   * uid (it was read from a file by {@code render}, not from the API server).
   */
  static V1ObjectMeta of(ResourceMeta owner, String name, String component) {
    V1ObjectMeta meta =
        new V1ObjectMeta()
            .name(name)
            .namespace(owner.namespace())
            .labels(new TreeMap<>(Labels.forComponent(owner, component)));
    if (!owner.uid().isEmpty()) {
      meta.ownerReferences(List.of(ownerReference(owner)));
    }
    return meta;
  }

  /** The reference that makes the MCPServer the controller of a child. */
  static V1OwnerReference ownerReference(ResourceMeta owner) {
    return new V1OwnerReference()
        .apiVersion(McpServer.API_VERSION)
        .kind(McpServer.KIND)
        .name(owner.name())
        .uid(owner.uid())
        .controller(true)
        .blockOwnerDeletion(true);
  }
}
