package io.mcpoperator.operator.crd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * deploy/helm/mcp-operator as a chart: its metadata, {@code helm lint --strict} through a real Helm
 * (helm-java's native Helm), its CRDs. What it renders is {@link HelmTemplateTest}.
 */
class HelmChartTest {
  private static final String ICON_BASE =
      "https://raw.githubusercontent.com/mcp-operator/mcp-operator/main/";

  @Test
  void theBundledHelmIsHelm3() {
    assertThat(Helm.version().call()).as("helm-java's native Helm").startsWith("v3.");
  }

  @Test
  void strictLintReportsNothing() {
    LintResult lint = HelmChart.lintStrict();

    assertThat(lint.getMessages()).as("helm lint --strict").isEmpty();
    assertThat(lint.isFailed()).isFalse();
  }

  @Test
  void strictLintFailsABrokenChart(@TempDir Path broken) throws Exception {
    Files.writeString(
        broken.resolve("Chart.yaml"), "apiVersion: v2\nname: Broken_Name\nversion: 0.1.0\n");
    Files.createDirectory(broken.resolve("templates"));
    Files.writeString(broken.resolve("templates/cm.yaml"), "kind: ConfigMap\n  bad: [indent\n");

    LintResult lint = new Helm(broken).lint().strict().call();

    assertThat(lint.isFailed()).isTrue();
    assertThat(lint.getMessages()).anyMatch(m -> m.startsWith("[ERROR]"));
  }

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
  void iconIsTheBundlesIconInThisRepository() {
    String icon = YamlTree.string(InstallFiles.yaml(InstallFiles.CHART + "Chart.yaml"), "icon");
    byte[] csvIcon =
        Base64.getDecoder()
            .decode(YamlTree.string(InstallFiles.csv(), "spec", "icon", 0, "base64data"));

    assertThat(icon).startsWith(ICON_BASE).endsWith(".svg");
    assertThat(ProjectFiles.resolve(icon.substring(ICON_BASE.length())))
        .as("the file the icon URL names")
        .hasBinaryContent(csvIcon);
  }

  @Test
  void installRefusesAClusterOlderThan129() {
    assertThat(HelmChart.template(t -> t.withKubeVersion("v1.29.0"))).isNotEmpty();
    assertThatThrownBy(() -> HelmChart.template(t -> t.withKubeVersion("v1.28.15")))
        .hasMessageContaining("incompatible with Kubernetes v1.28.15");
  }

  @Test
  void crdsAreInstalledFromTheChartsCrdsDirectory() {
    assertThat(ProjectFiles.crdFilesIn(ProjectFiles.resolve(InstallFiles.CHART + "crds")))
        .hasSize(Crd.all().size());
  }
}
