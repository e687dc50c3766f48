package io.mcpoperator.operator.desired;

import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.mcpoperator.operator.aggregate.Aggregation;
import io.mcpoperator.operator.api.McpServer;
import io.mcpoperator.operator.api.ResourceMeta;
import java.util.Map;
import java.util.TreeMap;

/** The ConfigMap {@code <name>-gateway}: the gateway configuration and, for stdio, the shim. */
final class DesiredConfigMap {
  private DesiredConfigMap() {}

  static String name(ResourceMeta server) {
    return server.name() + "-gateway";
  }

  static V1ConfigMap of(McpServer server, Aggregation aggregation, ChildSettings settings) {
    Map<String, String> data = new TreeMap<>();
    data.put(GatewayConfig.KEY, GatewayConfig.text(server, aggregation, settings));
    if (DesiredPodTemplate.stdio(server)) {
      data.put(StdioShim.KEY, StdioShim.SCRIPT);
    }
    return new V1ConfigMap()
        .apiVersion("v1")
        .kind("ConfigMap")
        .metadata(
            ChildMetadata.of(server.meta(), name(server.meta()), Labels.COMPONENT_GATEWAY_CONFIG))
        .data(data);
  }
}
