package io.mcpoperator.operator.desired;

import io.kubernetes.client.custom.IntOrString;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V1ServicePort;
import io.kubernetes.client.openapi.models.V1ServiceSpec;
import io.mcpoperator.operator.api.McpServer;
import java.util.List;
import java.util.TreeMap;

/**
 * The Service clients use: port {@code mcp} ({@code spec.port}) to the gateway's port {@code mcp}.
 */
final class DesiredService {
  private DesiredService() {}

  static V1Service of(McpServer server) {
    return new V1Service()
        .apiVersion("v1")
        .kind("Service")
        .metadata(ChildMetadata.of(server.meta(), server.meta().name(), Labels.COMPONENT_SERVER))
        .spec(
            new V1ServiceSpec()
                .type(server.spec().serviceType())
                .selector(new TreeMap<>(Labels.selector(server.meta())))
                .ports(
                    List.of(
                        new V1ServicePort()
                            .name(GatewayContainer.PORT_NAME)
                            .port(server.spec().port())
                            .targetPort(new IntOrString(GatewayContainer.PORT_NAME))
                            .protocol("TCP"))));
  }
}
