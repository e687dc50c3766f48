package io.mcpoperator.operator.desired;

import io.kubernetes.client.openapi.models.V1LocalObjectReference;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1PodTemplateSpec;
import io.mcpoperator.operator.aggregate.Aggregation;
import io.mcpoperator.operator.api.KubernetesJson;
import io.mcpoperator.operator.api.McpServer;
import io.mcpoperator.operator.api.McpServerSpec;
import io.mcpoperator.operator.api.Transport;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The pod of an MCPServer: the server container with the gateway as a native sidecar, or, for a
 * server without an image (aggregation only), the gateway alone.
 */
final class DesiredPodTemplate {
  static final String DEFAULT_CONTAINER_ANNOTATION = "kubectl.kubernetes.io/default-container";

  private DesiredPodTemplate() {}

  /** True when the gateway reaches the server container through the stdio FIFOs. */
  static boolean stdio(McpServer server) {
    return server.spec().image().isPresent() && server.spec().transport() == Transport.STDIO;
  }

  static V1PodTemplateSpec of(McpServer server, Aggregation aggregation, ChildSettings settings) {
    McpServerSpec spec = server.spec();
    boolean withServer = spec.image().isPresent();
    V1PodSpec pod =
        new V1PodSpec()
            .securityContext(SecurityDefaults.pod(spec.podSecurityContext()))
            .volumes(PodVolumes.all(server));
    if (withServer) {
      pod.initContainers(List.of(GatewayContainer.of(server, aggregation, settings, true)))
          .containers(List.of(ServerContainer.of(server, settings)));
    } else {
      pod.containers(List.of(GatewayContainer.of(server, aggregation, settings, false)));
    }
    spec.serviceAccountName()
        .ifPresentOrElse(pod::serviceAccountName, () -> pod.automountServiceAccountToken(false));
    if (!spec.nodeSelector().isEmpty()) {
      pod.nodeSelector(new TreeMap<>(spec.nodeSelector()));
    }
    if (!spec.tolerations().isEmpty()) {
      pod.tolerations(spec.tolerations().stream().map(KubernetesJson::copy).toList());
    }
    spec.affinity().map(KubernetesJson::copy).ifPresent(pod::affinity);
    if (!spec.imagePullSecrets().isEmpty()) {
      List<V1LocalObjectReference> secrets =
          spec.imagePullSecrets().stream().map(KubernetesJson::copy).toList();
      pod.imagePullSecrets(secrets);
    }
    Map<String, String> annotations =
        new TreeMap<>(
            Map.of(
                DEFAULT_CONTAINER_ANNOTATION,
                withServer ? ServerContainer.NAME : GatewayContainer.NAME));
    GatewayAuth.hash(server).ifPresent(h -> annotations.put(GatewayAuth.HASH_ANNOTATION, h));
    V1ObjectMeta meta =
        new V1ObjectMeta()
            .labels(new TreeMap<>(Labels.forComponent(server.meta(), Labels.COMPONENT_SERVER)))
            .annotations(annotations);
    return new V1PodTemplateSpec().metadata(meta).spec(pod);
  }
}
