package io.mcpoperator.images;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The three images of the product, as their Containerfiles describe them (same paths, users, ports,
 * environment and entrypoints): operator, gateway sidecar and image-server.
 */
final class ImageSpecs {

  static final String JAVA = LayerPlan.JAVA_HOME + "/bin/java";

  /** The CLIs image-server runs, in the order its tools are listed. */
  static final List<String> CLIS = List.of("kubectl", "helm", "istioctl", "argocd");

  private ImageSpecs() {}

  /**
   * @param project the repository root (holding operator/, sidecar/, image-server/)
   * @param prefix prepended to each image name, e.g. {@code ghcr.io/mcp-operator/} (may be empty)
   * @param tag the tag of all three
   * @param clis a directory holding the CLIs for image-server, or {@code null}
   * @param jq the jq executable for image-server's output filters, or {@code null}
   */
  static List<ImageSpec> all(Path project, String prefix, String tag, Path clis, Path jq) {
    return List.of(
        operator(project, prefix, tag),
        gateway(project, prefix, tag),
        k8sTools(project, prefix, tag, clis, jq));
  }

  static ImageSpec operator(Path project, String prefix, String tag) {
    String app = "/opt/mcp-operator";
    return new ImageSpec(
        prefix + "mcp-operator",
        tag,
        "mcp-operator",
        "MCP Operator: runs Model Context Protocol servers on Kubernetes",
        app,
        project.resolve("operator/target/mcp-operator.jar"),
        project.resolve("operator/target/libs"),
        project.resolve("operator/jvm.options"),
        javaJar(app, "mcp-operator.jar", true),
        List.of(),
        Map.of(),
        BaseFiles.NONROOT,
        List.of(8081),
        List.of(),
        List.of());
  }

  static ImageSpec gateway(Path project, String prefix, String tag) {
    String app = "/opt/mcp-gateway";
    return new ImageSpec(
        prefix + "mcp-gateway",
        tag,
        "mcp-gateway",
        "MCP gateway sidecar: sessions, limits and transports in front of an MCP server",
        app,
        project.resolve("sidecar/target/mcp-gateway.jar"),
        project.resolve("sidecar/target/libs"),
        project.resolve("sidecar/jvm.options"),
        javaJar(app, "mcp-gateway.jar", true),
        List.of("--config", "/etc/mcp-gateway/config.json"),
        Map.of("MALLOC_ARENA_MAX", "2"),
        BaseFiles.NONROOT,
        List.of(8090),
        List.of(),
        List.of("--aot-training"));
  }

  static ImageSpec k8sTools(Path project, String prefix, String tag, Path clis, Path jq) {
    String app = "/opt/mcp-k8s-server";
    Map<String, String> env = new LinkedHashMap<>();
    env.put("HOME", "/tmp");
    env.put("KUBECACHEDIR", "/tmp/.kube/cache");
    env.put("HELM_CACHE_HOME", "/tmp/.helm/cache");
    env.put("HELM_CONFIG_HOME", "/tmp/.helm/config");
    env.put("HELM_DATA_HOME", "/tmp/.helm/data");
    env.put("K8S_TOOLS_TEMP_DIR", "/tmp");
    env.put("PORT", "9096");
    List<Path> tools = new ArrayList<>();
    if (clis != null) {
      for (String cli : CLIS) {
        Path file = clis.resolve(cli);
        if (Files.isRegularFile(file)) {
          tools.add(file);
        }
      }
    }
    if (jq != null && Files.isRegularFile(jq)) {
      tools.add(jq);
    }
    List<String> entrypoint =
        List.of(
            JAVA,
            "-XX:+UseContainerSupport",
            "-XX:MaxRAMPercentage=75",
            "-Djava.io.tmpdir=/tmp",
            "-jar",
            app + "/mcp-k8s-server.jar");
    return new ImageSpec(
        prefix + "mcp-k8s-server",
        tag,
        "mcp-k8s-server",
        "Kubernetes CLI tools (kubectl, helm, istioctl, argocd) over MCP and REST",
        app,
        project.resolve("image-server/target/mcp-k8s-server.jar"),
        project.resolve("image-server/target/libs"),
        null,
        entrypoint,
        List.of(),
        env,
        BaseFiles.TOOLS_USER,
        List.of(9096),
        tools,
        List.of());
  }

  /** The CLIs of {@link #CLIS} that {@code spec} lacks (image-server answers 503 for those). */
  static List<String> missingClis(ImageSpec spec) {
    List<String> present = spec.tools().stream().map(t -> t.getFileName().toString()).toList();
    return CLIS.stream().filter(cli -> !present.contains(cli)).toList();
  }

  private static List<String> javaJar(String app, String jar, boolean options) {
    List<String> entrypoint = new ArrayList<>(List.of(JAVA));
    if (options) {
      entrypoint.add("@" + app + "/jvm.options");
    }
    entrypoint.addAll(List.of("-Djava.io.tmpdir=/tmp", "-jar", app + "/" + jar));
    return entrypoint;
  }
}
