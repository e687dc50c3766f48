package io.mcpoperator.operator.desired;

import io.kubernetes.client.custom.IntOrString;
import io.kubernetes.client.openapi.models.V1LabelSelector;
import io.kubernetes.client.openapi.models.V1PodDisruptionBudget;
import io.kubernetes.client.openapi.models.V1PodDisruptionBudgetSpec;
import io.mcpoperator.operator.api.McpServer;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A PodDisruptionBudget (at most one pod evicted at a time) for servers with more than one replica.
 */
final class DesiredPodDisruptionBudget {
  private DesiredPodDisruptionBudget() {}

  static Optional<V1PodDisruptionBudget> of(McpServer server) {
    if (server.spec().replicas() <= 1) {
      return Optional.empty();
    }
    return Optional.of(
        new V1PodDisruptionBudget()
            .apiVersion("policy/v1")
            .kind("PodDisruptionBudget")
            .metadata(
                ChildMetadata.of(server.meta(), server.meta().name(), Labels.COMPONENT_SERVER))
            .spec(
                new V1PodDisruptionBudgetSpec()
                    .maxUnavailable(new IntOrString(1))
                    .selector(
                        new V1LabelSelector()
                            .matchLabels(new TreeMap<>(Labels.selector(server.meta()))))));
  }
}
