package io.mcpoperator.operator.desired;

import io.kubernetes.client.openapi.models.V1ConfigMapVolumeSource;
import io.kubernetes.client.openapi.models.V1EmptyDirVolumeSource;
import io.kubernetes.client.openapi.models.V1KeyToPath;
import io.kubernetes.client.openapi.models.V1SecretVolumeSource;
import io.kubernetes.client.openapi.models.V1Volume;
import io.kubernetes.client.openapi.models.V1VolumeMount;
import io.mcpoperator.operator.api.AuthSpec;
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

  /** The static-token Secret of {@code spec.auth}, in the gateway only. */
  public static final String AUTH_TOKENS = "mcp-auth-tokens";

  /** The CA bundle ConfigMap key of {@code spec.auth}, in the gateway only. */
  public static final String AUTH_CA = "mcp-auth-ca";

  /** Volume names a spec must not use. */
  public static final Set<String> RESERVED_NAMES =
      Set.of(STDIO, GATEWAY_CONFIG, GATEWAY_TMP, HOME, AUTH_TOKENS, AUTH_CA);

  public static final String STDIO_DIR = "/var/run/mcp-stdio";
  public static final String SHIM_DIR = "/opt/mcp-shim";
  public static final String CONFIG_DIR = "/etc/mcp-gateway";
  public static final String HOME_DIR = "/home/mcp";
  public static final String AUTH_TOKENS_DIR = "/etc/mcp-auth/tokens";
  public static final String AUTH_CA_DIR = "/etc/mcp-auth/ca";

  /** The file name of the CA bundle in {@link #AUTH_CA_DIR}. */
  public static final String CA_FILE = "ca.crt";

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
    AuthSpec auth = server.spec().auth();
    if (auth.enabled()) {
      auth.staticTokensSecret()
          .ifPresent(
              secret ->
                  volumes.add(
                      new V1Volume()
                          .name(AUTH_TOKENS)
                          .secret(new V1SecretVolumeSource().secretName(secret))));
      auth.caBundle()
          .ifPresent(
              ca ->
                  volumes.add(
                      new V1Volume()
                          .name(AUTH_CA)
                          .configMap(
                              new V1ConfigMapVolumeSource()
                                  .name(ca.name())
                                  .items(List.of(new V1KeyToPath().key(ca.key()).path(CA_FILE))))));
    }
    return volumes;
  }

  /** The gateway's mounts of the {@code spec.auth} Secret and ConfigMap, read-only. */
  static List<V1VolumeMount> authMounts(McpServer server) {
    AuthSpec auth = server.spec().auth();
    List<V1VolumeMount> mounts = new ArrayList<>();
    if (auth.enabled()) {
      auth.staticTokensSecret()
          .ifPresent(s -> mounts.add(mount(AUTH_TOKENS, AUTH_TOKENS_DIR, true)));
      auth.caBundle().ifPresent(c -> mounts.add(mount(AUTH_CA, AUTH_CA_DIR, true)));
    }
    return mounts;
  }

  static V1VolumeMount mount(String volume, String path, boolean readOnly) {
    V1VolumeMount mount = new V1VolumeMount().name(volume).mountPath(path);
    return readOnly ? mount.readOnly(true) : mount;
  }
}
