package io.mcpoperator.operator.crd;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** deploy/kustomize: least-privilege RBAC, a restricted HA operator Deployment, the overlay. */
class KustomizeInstallTest {
  /** Exactly what the operator needs; a change here is a security review. */
  static final Set<String> CLUSTER_PERMISSIONS = expectedClusterPermissions();

  static final Set<String> LEADER_ELECTION =
      Set.of(
          "coordination.k8s.io/leases create",
          "coordination.k8s.io/leases get",
          "coordination.k8s.io/leases update");

  @Test
  void clusterRoleGrantsExactlyWhatTheOperatorNeeds() {
    Set<String> granted =
        InstallFiles.permissions(
            YamlTree.list(InstallFiles.yaml(InstallFiles.BASE + "cluster_role.yaml"), "rules"));

    assertThat(granted).containsExactlyInAnyOrderElementsOf(CLUSTER_PERMISSIONS);
    assertThat(granted)
        .as("imagePullSecrets are read one by one; listing or watching would expose every Secret")
        .noneMatch(p -> p.startsWith("core/secrets ") && !p.equals("core/secrets get"))
        .noneMatch(p -> p.contains("*"));
  }

  @Test
  void leaderElectionRoleIsNamespacedToLeases() {
    Map<String, Object> role = InstallFiles.yaml(InstallFiles.BASE + "leader_election_role.yaml");

    assertThat(role.get("kind")).isEqualTo("Role");
    assertThat(InstallFiles.permissions(YamlTree.list(role, "rules")))
        .containsExactlyInAnyOrderElementsOf(LEADER_ELECTION);
  }

  @Test
  void operatorRunsTwoRestrictedReplicasWithProbesAndTheGatewayImage() {
    Map<String, Object> deployment = InstallFiles.yaml(InstallFiles.BASE + "deployment.yaml");
    Map<String, Object> pod = YamlTree.map(deployment, "spec", "template", "spec");
    Map<String, Object> container = YamlTree.map(pod, "containers", 0);

    assertThat(YamlTree.at(deployment, "spec", "replicas")).isEqualTo(2);
    assertThat(container.get("image")).isEqualTo(InstallFiles.OPERATOR_IMAGE);
    assertThat(InstallFiles.env(pod, "RELATED_IMAGE_GATEWAY"))
        .containsEntry("value", InstallFiles.GATEWAY_IMAGE);
    assertThat(InstallFiles.env(pod, "WATCH_NAMESPACES")).containsEntry("value", "");
    assertThat(
            YamlTree.at(
                InstallFiles.env(pod, "POD_NAMESPACE"), "valueFrom", "fieldRef", "fieldPath"))
        .isEqualTo("metadata.namespace");
    assertThat(YamlTree.at(container, "livenessProbe", "httpGet", "path"))
        .isEqualTo("/observe/health/live");
    assertThat(YamlTree.at(container, "readinessProbe", "httpGet", "path"))
        .isEqualTo("/observe/health/ready");
    assertThat(YamlTree.at(container, "ports", 0, "containerPort")).isEqualTo(8081);
    assertThat(YamlTree.at(pod, "serviceAccountName")).isEqualTo("mcp-operator");
    assertRestricted(pod);
  }

  @Test
  void namespaceEnforcesRestrictedPodSecurity() {
    assertThat(
            YamlTree.map(
                InstallFiles.yaml(InstallFiles.BASE + "namespace.yaml"), "metadata", "labels"))
        .containsEntry("pod-security.kubernetes.io/enforce", "restricted");
  }

  @Test
  void baseListsEveryManifestBesideIt() throws IOException {
    Path base = ProjectFiles.resolve(InstallFiles.BASE);
    Set<String> files = new TreeSet<>();
    try (Stream<Path> list = Files.list(base)) {
      list.map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".yaml") && !n.equals("kustomization.yaml"))
          .forEach(files::add);
    }
    List<Object> resources =
        YamlTree.list(InstallFiles.yaml(InstallFiles.BASE + "kustomization.yaml"), "resources");

    assertThat(resources).contains("../../../crds").containsAll(files).hasSize(files.size() + 1);
  }

  @Test
  void namespacedOverlayWatchesAndBindsTheSameNamespaces() {
    String overlay = "deploy/kustomize/overlays/namespaced/";
    Map<String, Object> patch = InstallFiles.yaml(overlay + "watch_namespaces.yaml");
    Map<String, Object> pod = YamlTree.map(patch, "spec", "template", "spec");
    Set<String> watched =
        Set.of(((String) InstallFiles.env(pod, "WATCH_NAMESPACES").get("value")).split(","));
    List<Map<String, Object>> bindings =
        YamlTree.documents(ProjectFiles.resolve(overlay + "role_bindings.yaml"));

    assertThat(watched).isNotEmpty();
    assertThat(bindings)
        .map(b -> YamlTree.string(b, "metadata", "namespace"))
        .containsExactlyInAnyOrderElementsOf(watched);
    assertThat(bindings)
        .allSatisfy(
            b -> {
              assertThat(YamlTree.map(b, "roleRef"))
                  .containsEntry("kind", "ClusterRole")
                  .containsEntry("name", "mcp-operator");
              assertThat(YamlTree.map(b, "subjects", 0))
                  .containsEntry("name", "mcp-operator")
                  .containsEntry("namespace", "mcp-operator-system");
            });
    assertThat(ProjectFiles.read(ProjectFiles.resolve(overlay + "kustomization.yaml")))
        .contains("$patch: delete", "kind: ClusterRoleBinding");
  }

  @Test
  void kustomizeBuildsBaseAndOverlay() throws Exception {
    Assumptions.assumeTrue(hasKubectl(), "kubectl with kustomize is not installed");

    List<Map<String, Object>> base = kustomize("deploy/kustomize/base");
    List<Map<String, Object>> overlay = kustomize("deploy/kustomize/overlays/namespaced");

    assertThat(base)
        .map(d -> d.get("kind") + "/" + YamlTree.string(d, "metadata", "name"))
        .contains(
            "CustomResourceDefinition/mcpservers.mcpoperator.io",
            "CustomResourceDefinition/mcptools.mcpoperator.io",
            "CustomResourceDefinition/mcpprompts.mcpoperator.io",
            "CustomResourceDefinition/mcpresources.mcpoperator.io",
            "ClusterRoleBinding/mcp-operator",
            "Deployment/mcp-operator");
    assertThat(base)
        .filteredOn(
            d ->
                !Set.of(
                        "Namespace",
                        "CustomResourceDefinition",
                        "ClusterRole",
                        "ClusterRoleBinding")
                    .contains(d.get("kind")))
        .allSatisfy(
            d ->
                assertThat(YamlTree.string(d, "metadata", "namespace"))
                    .isEqualTo("mcp-operator-system"));
    assertThat(overlay).noneMatch(d -> "ClusterRoleBinding".equals(d.get("kind")));
    assertThat(overlay).filteredOn(d -> "RoleBinding".equals(d.get("kind"))).hasSize(3);
  }

  @Test
  void k3dOverlayRunsTheLocalImagesOnceWithTextLogsAndARedis() throws Exception {
    Assumptions.assumeTrue(hasKubectl(), "kubectl with kustomize is not installed");
    List<Map<String, Object>> k3d = kustomize("deploy/kustomize/overlays/k3d");

    Map<String, Object> operator = deployment(k3d, "mcp-operator");
    assertThat(YamlTree.map(operator, "spec")).containsEntry("replicas", 1);
    Map<String, Object> container =
        YamlTree.map(operator, "spec", "template", "spec", "containers", 0);
    assertThat(container)
        .containsEntry("image", "mcp-operator:dev")
        .containsEntry("imagePullPolicy", "Never");
    assertThat(env(container))
        .containsEntry("RELATED_IMAGE_GATEWAY", "mcp-gateway:dev")
        .containsEntry("LEADER_ELECTION_ENABLED", "false")
        .containsEntry("LOG_FORMAT", "text");
    Map<String, Object> redis = deployment(k3d, "mcp-redis");
    assertThat(YamlTree.string(redis, "metadata", "namespace")).isEqualTo("mcp-operator-system");
    assertRestricted(YamlTree.map(redis, "spec", "template", "spec"));
    assertThat(k3d)
        .map(d -> d.get("kind") + "/" + YamlTree.string(d, "metadata", "name"))
        .contains("Service/mcp-redis")
        .doesNotContain("PodDisruptionBudget/mcp-operator");
  }

  @Test
  void prodOverlayRunsTwoLeaderElectedReplicasWithLimitsAndABudget() throws Exception {
    Assumptions.assumeTrue(hasKubectl(), "kubectl with kustomize is not installed");
    List<Map<String, Object>> prod = kustomize("deploy/kustomize/overlays/prod");

    Map<String, Object> operator = deployment(prod, "mcp-operator");
    assertThat(YamlTree.map(operator, "spec")).containsEntry("replicas", 2);
    Map<String, Object> container =
        YamlTree.map(operator, "spec", "template", "spec", "containers", 0);
    assertThat(container).containsEntry("image", "ghcr.io/mcp-operator/mcp-operator:0.1.0");
    assertThat(env(container))
        .containsEntry("LEADER_ELECTION_ENABLED", "true")
        .containsEntry("LOG_FORMAT", "json");
    assertThat(YamlTree.map(container, "resources", "limits")).containsKeys("cpu", "memory");
    assertRestricted(YamlTree.map(operator, "spec", "template", "spec"));
    assertThat(prod)
        .map(d -> d.get("kind") + "/" + YamlTree.string(d, "metadata", "name"))
        .contains("PodDisruptionBudget/mcp-operator", "ClusterRoleBinding/mcp-operator");
  }

  private static Map<String, Object> deployment(List<Map<String, Object>> docs, String name) {
    return docs.stream()
        .filter(d -> "Deployment".equals(d.get("kind")))
        .filter(d -> name.equals(YamlTree.string(d, "metadata", "name")))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no Deployment " + name));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, String> env(Map<String, Object> container) {
    Map<String, String> out = new java.util.LinkedHashMap<>();
    for (Object e : (List<Object>) container.get("env")) {
      Map<String, Object> entry = (Map<String, Object>) e;
      out.put(String.valueOf(entry.get("name")), String.valueOf(entry.get("value")));
    }
    return out;
  }

  static void assertRestricted(Map<String, Object> pod) {
    assertThat(YamlTree.map(pod, "securityContext"))
        .containsEntry("runAsNonRoot", true)
        .containsEntry("seccompProfile", Map.of("type", "RuntimeDefault"));
    assertThat(YamlTree.map(pod, "containers", 0, "securityContext"))
        .containsEntry("allowPrivilegeEscalation", false)
        .containsEntry("readOnlyRootFilesystem", true)
        .containsEntry("capabilities", Map.of("drop", List.of("ALL")));
  }

  private static boolean hasKubectl() {
    try {
      Process p =
          new ProcessBuilder("kubectl", "version", "--client").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static List<Map<String, Object>> kustomize(String dir) throws Exception {
    Process p =
        new ProcessBuilder("kubectl", "kustomize", ProjectFiles.resolve(dir).toString())
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    String out =
        new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as("kubectl kustomize %s", dir).isZero();
    return YamlTree.documents(out);
  }

  private static Set<String> expectedClusterPermissions() {
    Set<String> out = new TreeSet<>();
    List<String> crud = List.of("get", "list", "watch", "create", "update", "patch", "delete");
    for (String kind :
        List.of("mcpservers", "mcptools", "mcpprompts", "mcpresources", "mcpregistries")) {
      for (String verb : List.of("get", "list", "watch", "update", "patch")) {
        out.add("mcpoperator.io/" + kind + " " + verb);
      }
      for (String verb : List.of("get", "update", "patch")) {
        out.add("mcpoperator.io/" + kind + "/status " + verb);
      }
      out.add("mcpoperator.io/" + kind + "/finalizers update");
    }
    for (String owned :
        List.of(
            "apps/deployments",
            "core/services",
            "core/configmaps",
            "networking.k8s.io/ingresses",
            "policy/poddisruptionbudgets")) {
      crud.forEach(verb -> out.add(owned + " " + verb));
    }
    List.of("get", "list", "watch").forEach(verb -> out.add("core/pods " + verb));
    out.add("core/secrets get");
    List.of("create", "patch").forEach(verb -> out.add("core/events " + verb));
    List.of("create", "patch").forEach(verb -> out.add("events.k8s.io/events " + verb));
    return Set.copyOf(out);
  }
}
