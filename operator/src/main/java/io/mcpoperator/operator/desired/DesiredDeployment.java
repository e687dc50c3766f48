package io.mcpoperator.operator.desired;

import io.kubernetes.client.custom.IntOrString;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1DeploymentSpec;
import io.kubernetes.client.openapi.models.V1DeploymentStrategy;
import io.kubernetes.client.openapi.models.V1LabelSelector;
import io.kubernetes.client.openapi.models.V1RollingUpdateDeployment;
import io.mcpoperator.operator.aggregate.Aggregation;
import io.mcpoperator.operator.api.McpServer;
import java.util.TreeMap;

/**
 * The Deployment of an MCPServer. Rolling updates never take a ready pod away before its
 * replacement is ready ({@code maxUnavailable: 0}, {@code maxSurge: 25%}, at least one pod).
 */
final class DesiredDeployment {
  static final int REVISION_HISTORY_LIMIT = 3;

  private DesiredDeployment() {}

  static V1Deployment of(McpServer server, Aggregation aggregation, ChildSettings settings) {
    return new V1Deployment()
        .apiVersion("apps/v1")
        .kind("Deployment")
        .metadata(ChildMetadata.of(server.meta(), server.meta().name(), Labels.COMPONENT_SERVER))
        .spec(
            new V1DeploymentSpec()
                .replicas(server.spec().replicas())
                .revisionHistoryLimit(REVISION_HISTORY_LIMIT)
                .selector(
                    new V1LabelSelector()
                        .matchLabels(new TreeMap<>(Labels.selector(server.meta()))))
                .strategy(
                    new V1DeploymentStrategy()
                        .type("RollingUpdate")
                        .rollingUpdate(
                            new V1RollingUpdateDeployment()
                                .maxUnavailable(new IntOrString(0))
                                .maxSurge(new IntOrString("25%"))))
                .template(DesiredPodTemplate.of(server, aggregation, settings)));
  }
}
