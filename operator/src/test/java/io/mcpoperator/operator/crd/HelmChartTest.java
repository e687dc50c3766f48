package io.mcpoperator.operator.crd;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * deploy/helm/mcp-operator agrees with the Kustomize install (there is no helm binary here, so the
 * literal parts of the templates are compared).
 */
class HelmChartTest {

  @Test
  void chartAndValuesNameTheReleaseImages() {
    Map<String, Object> chart = InstallFiles.yaml(InstallFiles.CHART + "Chart.yaml");
    Map<String, Object> values = InstallFiles.yaml(InstallFiles.CHART + "values.yaml");

    assertThat(chart)
        .containsEntry("apiVersion", "v2")
        .containsEntry("name", "mcp-operator")
        .containsEntry("version", "0.1.0")
        .containsEntry("appVersion", "0.1.0");
    assertThat(
            YamlTree.string(values, "image", "repository")
                + ":"
                + YamlTree.string(values, "image", "tag"))
        .isEqualTo(InstallFiles.OPERATOR_IMAGE);
    assertThat(
            YamlTree.string(values, "gatewayImage", "repository")
                + ":"
                + YamlTree.string(values, "gatewayImage", "tag"))
        .isEqualTo(InstallFiles.GATEWAY_IMAGE);
    assertThat(values).containsEntry("replicaCount", 2).containsEntry("watchNamespaces", List.of());
  }

  @Test
  void clusterRoleRulesEqualKustomize() {
    Map<String, Object> role = InstallFiles.helmLiteral("clusterrole.yaml", "ClusterRole");

    assertThat(role.get("kind")).isEqualTo("ClusterRole");
    assertThat(InstallFiles.permissions(YamlTree.list(role, "rules")))
        .containsExactlyInAnyOrderElementsOf(KustomizeInstallTest.CLUSTER_PERMISSIONS);
  }

  @Test
  void leaderElectionRoleEqualsKustomize() {
    Map<String, Object> role = InstallFiles.helmLiteral("rolebindings.yaml", "Role");

    assertThat(InstallFiles.permissions(YamlTree.list(role, "rules")))
        .containsExactlyInAnyOrderElementsOf(KustomizeInstallTest.LEADER_ELECTION);
  }

  @Test
  void deploymentMatchesKustomizeProbesEnvAndSecurity() {
    Map<String, Object> helmPod =
        YamlTree.map(
            InstallFiles.helmLiteral("deployment.yaml", "Deployment"), "spec", "template", "spec");
    Map<String, Object> kustomizePod =
        YamlTree.map(
            InstallFiles.yaml(InstallFiles.BASE + "deployment.yaml"), "spec", "template", "spec");
    Map<String, Object> helmContainer = YamlTree.map(helmPod, "containers", 0);
    Map<String, Object> kustomizeContainer = YamlTree.map(kustomizePod, "containers", 0);

    assertThat(InstallFiles.envNames(helmPod)).isEqualTo(InstallFiles.envNames(kustomizePod));
    for (String key :
        List.of(
            "ports",
            "startupProbe",
            "livenessProbe",
            "readinessProbe",
            "securityContext",
            "volumeMounts")) {
      assertThat(helmContainer.get(key)).as(key).isEqualTo(kustomizeContainer.get(key));
    }
    assertThat(helmPod.get("securityContext")).isEqualTo(kustomizePod.get("securityContext"));
  }

  @Test
  void crdsAreInstalledFromTheChartsCrdsDirectory() {
    assertThat(ProjectFiles.crdFilesIn(ProjectFiles.resolve(InstallFiles.CHART + "crds")))
        .hasSize(Crd.all().size());
  }
}
