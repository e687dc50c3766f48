package io.mcpoperator.operator.desired;

import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1Ingress;
import io.kubernetes.client.openapi.models.V1PodDisruptionBudget;
import io.kubernetes.client.openapi.models.V1Service;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The objects the operator keeps in place for one MCPServer. */
public record Children(
    V1ConfigMap configMap,
    V1Deployment deployment,
    V1Service service,
    Optional<V1Ingress> ingress,
    Optional<V1PodDisruptionBudget> podDisruptionBudget) {

  /**
   * Every child in creation order: ConfigMap, Deployment, Service, Ingress, PodDisruptionBudget.
   */
  public List<KubernetesObject> all() {
    List<KubernetesObject> all = new ArrayList<>(List.of(configMap, deployment, service));
    ingress.ifPresent(all::add);
    podDisruptionBudget.ifPresent(all::add);
    return List.copyOf(all);
  }
}
