package io.mcpoperator.operator.desired;

import io.kubernetes.client.openapi.models.V1ConfigMapVolumeSource;
import io.kubernetes.client.openapi.models.V1EmptyDirVolumeSource;
import io.kubernetes.client.openapi.models.V1Volume;
import io.kubernetes.client.openapi.models.V1VolumeMount;
import io.mcpoperator.operator.api.KubernetesJson;
import io.mcpoperator.operator.api.McpServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The volumes the operator adds to every pod, and where they are mounted. */
public final class PodVolumes {
  /** Shared emptyDir holding the stdio FIFOs. */
  public static final String STDIO = "mcp-stdio";

  /** The gateway ConfigMap (config.json and the stdio shim). */
  public static final String GATEWAY_CONFIG = "mcp-gateway-config";

  /** Writable /tmp of the gateway, whose root file system is read-only. */
  public static final String GATEWAY_TMP = "mcp-gateway-tmp";

  /** Writable home directory of the server when the operator chooses its uid. */
  public static final String HOME = "mcp-home";

  /** Volume names a spec must not use. */
  public static final Set<String> RESERVED_NAMES = Set.of(STDIO, GATEWAY_CONFIG, GATEWAY_TMP, HOME);

  public static final String STDIO_DIR = "/var/run/mcp-stdio";
  public static final String SHIM_DIR = "/opt/mcp-shim";
  public static final String CONFIG_DIR = "/etc/mcp-gateway";
  public static final String HOME_DIR = "/home/mcp";

  /** Mount paths a spec must not use in the server container. */
  public static final Set<String> RESERVED_PATHS = Set.of(STDIO_DIR, SHIM_DIR, HOME_DIR);

  private PodVolumes() {}

  /** The spec's volumes followed by the operator's. */
  static List<V1Volume> all(McpServer server) {
    List<V1Volume> volumes = new ArrayList<>();
    server.spec().volumes().forEach(v -> volumes.add(KubernetesJson.copy(v)));
    volumes.add(
        new V1Volume()
            .name(GATEWAY_CONFIG)
            .configMap(new V1ConfigMapVolumeSource().name(DesiredConfigMap.name(server.meta()))));
    volumes.add(new V1Volume().name(GATEWAY_TMP).emptyDir(new V1EmptyDirVolumeSource()));
    if (DesiredPodTemplate.stdio(server)) {
      volumes.add(new V1Volume().name(STDIO).emptyDir(new V1EmptyDirVolumeSource()));
    }
    if (ServerContainer.operatorHome(server)) {
      volumes.add(new V1Volume().name(HOME).emptyDir(new V1EmptyDirVolumeSource()));
    }
    return volumes;
  }

  static V1VolumeMount mount(String volume, String path, boolean readOnly) {
    V1VolumeMount mount = new V1VolumeMount().name(volume).mountPath(path);
    return readOnly ? mount.readOnly(true) : mount;
  }
}
