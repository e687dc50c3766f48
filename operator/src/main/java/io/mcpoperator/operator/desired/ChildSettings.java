package io.mcpoperator.operator.desired;

import io.kubernetes.client.custom.Quantity;
import io.kubernetes.client.openapi.models.V1ResourceRequirements;
import java.util.Map;
import java.util.TreeMap;

/**
 * Operator-wide settings that shape every server's children.
 *
 * @param gatewayImage image of the gateway sidecar ({@code RELATED_IMAGE_GATEWAY})
 * @param gatewayPort port the gateway listens on inside the pod (container port {@code mcp})
 * @param gatewayResources requests/limits of the gateway container
 * @param defaultServerResources requests/limits of the server container when the spec gives none
 * @param imagePullPolicy pull policy of the gateway container; {@code null} = Kubernetes default
 */
public record ChildSettings(
    String gatewayImage,
    int gatewayPort,
    V1ResourceRequirements gatewayResources,
    V1ResourceRequirements defaultServerResources,
    String imagePullPolicy) {

  /** Image used when the operator is not configured with another. */
  public static final String DEFAULT_GATEWAY_IMAGE = "ghcr.io/mcp-operator/mcp-gateway:0.1.0";

  /** Gateway port used when the operator is not configured with another. */
  public static final int DEFAULT_GATEWAY_PORT = 8090;

  /** The built-in settings. */
  public static ChildSettings defaults() {
    return new ChildSettings(
        DEFAULT_GATEWAY_IMAGE,
        DEFAULT_GATEWAY_PORT,
        resources("50m", "128Mi", "1", "384Mi"),
        resources("100m", "128Mi", "1", "512Mi"),
        null);
  }

  /** These settings with another gateway image. */
  public ChildSettings withGatewayImage(String image) {
    return new ChildSettings(
        image, gatewayPort, gatewayResources, defaultServerResources, imagePullPolicy);
  }

  /** These settings with another gateway port. */
  public ChildSettings withGatewayPort(int port) {
    return new ChildSettings(
        gatewayImage, port, gatewayResources, defaultServerResources, imagePullPolicy);
  }

  /** Requests and limits for cpu and memory, in canonical quantity form. */
  public static V1ResourceRequirements resources(
      String cpuRequest, String memoryRequest, String cpuLimit, String memoryLimit) {
    Map<String, Quantity> requests = new TreeMap<>();
    requests.put("cpu", Quantity.fromString(cpuRequest));
    requests.put("memory", Quantity.fromString(memoryRequest));
    Map<String, Quantity> limits = new TreeMap<>();
    limits.put("cpu", Quantity.fromString(cpuLimit));
    limits.put("memory", Quantity.fromString(memoryLimit));
    return new V1ResourceRequirements().requests(requests).limits(limits);
  }
}
