package io.mcpoperator.operator.desired;

import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1ContainerPort;
import io.kubernetes.client.openapi.models.V1EnvVar;
import io.kubernetes.client.openapi.models.V1VolumeMount;
import io.mcpoperator.operator.api.KubernetesJson;
import io.mcpoperator.operator.api.McpServer;
import io.mcpoperator.operator.api.McpServerSpec;
import java.util.ArrayList;
import java.util.List;

/** The container running the MCP server image. */
final class ServerContainer {
  static final String NAME = "server";

  private ServerContainer() {}

  static V1Container of(McpServer server, ChildSettings settings) {
    McpServerSpec spec = server.spec();
    V1Container container =
        new V1Container()
            .name(NAME)
            .image(spec.imageReference().orElseThrow())
            .env(env(server))
            .envFrom(copies(spec.envFrom()))
            .resources(
                KubernetesJson.copy(spec.resources().orElse(settings.defaultServerResources())))
            .securityContext(SecurityDefaults.server(spec.securityContext()));
    List<V1VolumeMount> mounts = new ArrayList<>();
    spec.volumeMounts().forEach(m -> mounts.add(KubernetesJson.copy(m)));
    if (operatorHome(server)) {
      mounts.add(PodVolumes.mount(PodVolumes.HOME, PodVolumes.HOME_DIR, false));
    }
    if (spec.transport().http()) {
      container
          .command(nullIfEmpty(spec.command()))
          .args(nullIfEmpty(spec.args()))
          .ports(
              List.of(
                  new V1ContainerPort().name("http").containerPort(spec.port()).protocol("TCP")));
    } else {
      List<String> wrapped = new ArrayList<>(spec.command());
      wrapped.addAll(spec.args());
      container
          .command(List.of("/bin/sh", PodVolumes.SHIM_DIR + "/" + StdioShim.KEY))
          .args(wrapped);
      mounts.add(PodVolumes.mount(PodVolumes.STDIO, PodVolumes.STDIO_DIR, false));
      mounts.add(PodVolumes.mount(PodVolumes.GATEWAY_CONFIG, PodVolumes.SHIM_DIR, true));
    }
    return container.volumeMounts(mounts.isEmpty() ? null : mounts);
  }

  /**
   * True when the server runs with the operator's uid (the spec sets no {@code runAsUser}) and sets
   * no {@code HOME}: such a uid has no home directory in the image, so tools like npx and uvx that
   * write caches under {@code $HOME} get a writable emptyDir there.
   */
  static boolean operatorHome(McpServer server) {
    McpServerSpec spec = server.spec();
    boolean uidChosen =
        spec.podSecurityContext().map(c -> c.getRunAsUser()).isPresent()
            || spec.securityContext().map(c -> c.getRunAsUser()).isPresent();
    boolean homeSet = spec.env().stream().anyMatch(e -> "HOME".equals(e.getName()));
    return spec.image().isPresent() && !uidChosen && !homeSet;
  }

  private static List<V1EnvVar> env(McpServer server) {
    List<V1EnvVar> env = new ArrayList<>();
    server.spec().env().forEach(e -> env.add(KubernetesJson.copy(e)));
    if (operatorHome(server)) {
      env.add(new V1EnvVar().name("HOME").value(PodVolumes.HOME_DIR));
    }
    return env.isEmpty() ? null : env;
  }

  private static <T> List<T> copies(List<T> models) {
    return models.isEmpty() ? null : models.stream().map(KubernetesJson::copy).toList();
  }

  private static List<String> nullIfEmpty(List<String> values) {
    return values.isEmpty() ? null : values;
  }
}
