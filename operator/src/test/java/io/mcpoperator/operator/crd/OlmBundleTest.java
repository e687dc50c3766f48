package io.mcpoperator.operator.crd;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/** olm-bundle/: a CSV that owns exactly our CRDs and installs what Kustomize installs. */
class OlmBundleTest {
  private static final Map<String, Object> CSV = InstallFiles.csv();

  @Test
  void csvIsVersionZeroOneZero() {
    assertThat(YamlTree.string(CSV, "metadata", "name")).isEqualTo("mcp-operator.v0.1.0");
    assertThat(YamlTree.string(CSV, "spec", "version")).isEqualTo("0.1.0");
    assertThat(YamlTree.string(CSV, "spec", "minKubeVersion"))
        .as("native sidecars and CEL validation need 1.29")
        .isEqualTo("1.29.0");
    assertThat(YamlTree.string(CSV, "metadata", "annotations", "containerImage"))
        .isEqualTo(InstallFiles.OPERATOR_IMAGE);
  }

  @Test
  void ownsExactlyTheCrdsOfCrdsDirectory() {
    Set<String> owned = new TreeSet<>();
    for (Object crd : YamlTree.list(CSV, "spec", "customresourcedefinitions", "owned")) {
      owned.add(
          YamlTree.string(crd, "name")
              + " "
              + YamlTree.string(crd, "kind")
              + " "
              + YamlTree.string(crd, "version"));
    }
    Set<String> expected = new TreeSet<>();
    Crd.all()
        .values()
        .forEach(
            c -> expected.add(c.plural() + "." + Crd.GROUP + " " + c.kind() + " " + Crd.VERSION));

    assertThat(owned).isEqualTo(expected);
  }

  @Test
  void permissionsEqualKustomize() {
    Map<String, Object> install = YamlTree.map(CSV, "spec", "install");

    assertThat(install.get("strategy")).isEqualTo("deployment");
    assertThat(
            InstallFiles.permissions(
                YamlTree.list(install, "spec", "clusterPermissions", 0, "rules")))
        .containsExactlyInAnyOrderElementsOf(KustomizeInstallTest.CLUSTER_PERMISSIONS);
    assertThat(InstallFiles.permissions(YamlTree.list(install, "spec", "permissions", 0, "rules")))
        .containsExactlyInAnyOrderElementsOf(KustomizeInstallTest.LEADER_ELECTION);
  }

  @Test
  void deploymentEqualsKustomizeExceptWatchedNamespacesFromTheOperatorGroup() {
    Map<String, Object> csvSpec =
        YamlTree.map(CSV, "spec", "install", "spec", "deployments", 0, "spec");
    Map<String, Object> kustomizeSpec =
        YamlTree.map(InstallFiles.yaml(InstallFiles.BASE + "deployment.yaml"), "spec");
    Map<String, Object> csvPod = YamlTree.map(csvSpec, "template", "spec");

    assertThat(
            YamlTree.at(
                InstallFiles.env(csvPod, "WATCH_NAMESPACES"), "valueFrom", "fieldRef", "fieldPath"))
        .isEqualTo("metadata.annotations['olm.targetNamespaces']");
    assertThat(withoutWatchNamespaces(csvSpec)).isEqualTo(withoutWatchNamespaces(kustomizeSpec));
  }

  @Test
  void relatedImagesAreTheOperatorImageAndItsRelatedImageEnv() {
    Map<String, Object> images = new TreeMap<>();
    for (Object image : YamlTree.list(CSV, "spec", "relatedImages")) {
      images.put(YamlTree.string(image, "name"), YamlTree.string(image, "image"));
    }
    Map<String, Object> pod =
        YamlTree.map(CSV, "spec", "install", "spec", "deployments", 0, "spec", "template", "spec");
    Set<Object> expected = new TreeSet<>();
    for (Object container : YamlTree.list(pod, "containers")) {
      expected.add(YamlTree.string(container, "image"));
      for (Object env : OlmBundle.listAt(container, "env")) {
        if (YamlTree.string(env, "name").startsWith("RELATED_IMAGE_")) {
          expected.add(YamlTree.string(env, "value"));
        }
      }
    }

    assertThat(new TreeSet<>(images.values()))
        .as("relatedImages (what a disconnected mirror copies) = images the operator runs")
        .isEqualTo(expected)
        .hasSize(images.size());
    assertThat(images)
        .containsEntry("mcp-operator", InstallFiles.OPERATOR_IMAGE)
        .containsEntry("gateway", InstallFiles.GATEWAY_IMAGE);
  }

  @Test
  void channelsAreStableByDefaultAndCandidate() {
    Map<String, Object> annotations =
        YamlTree.map(InstallFiles.yaml("olm-bundle/metadata/annotations.yaml"), "annotations");

    assertThat(annotations)
        .containsEntry("operators.operatorframework.io.bundle.channels.v1", "stable,candidate")
        .containsEntry("operators.operatorframework.io.bundle.channel.default.v1", "stable");
  }

  /**
   * The operator watches the namespaces of WATCH_NAMESPACES (comma-separated; empty = all), which
   * OLM fills from the OperatorGroup's olm.targetNamespaces: one namespace (Own/Single), several
   * (Multi) or "" (All). So every install mode works, and the CSV says so.
   */
  @Test
  void everyInstallModeIsSupportedBecauseWatchNamespacesFollowsTheOperatorGroup() {
    Map<String, Object> modes = new TreeMap<>();
    for (Object mode : YamlTree.list(CSV, "spec", "installModes")) {
      modes.put(YamlTree.string(mode, "type"), YamlTree.at(mode, "supported"));
    }
    Map<String, Object> pod =
        YamlTree.map(CSV, "spec", "install", "spec", "deployments", 0, "spec", "template", "spec");

    assertThat(modes)
        .isEqualTo(
            Map.of(
                "OwnNamespace", true,
                "SingleNamespace", true,
                "MultiNamespace", true,
                "AllNamespaces", true));
    assertThat(
            YamlTree.at(
                InstallFiles.env(pod, "WATCH_NAMESPACES"), "valueFrom", "fieldRef", "fieldPath"))
        .isEqualTo("metadata.annotations['olm.targetNamespaces']");
  }

  @Test
  void iconIsOneSmallSvgWithAViewBox() throws Exception {
    List<Object> icons = YamlTree.list(CSV, "spec", "icon");
    byte[] svg = Base64.getDecoder().decode(YamlTree.string(icons.getFirst(), "base64data"));
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    Element root =
        factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg)).getDocumentElement();

    assertThat(icons).hasSize(1);
    assertThat(YamlTree.string(icons.getFirst(), "mediatype")).isEqualTo("image/svg+xml");
    assertThat(svg.length).as("bytes of the icon").isLessThan(4096);
    assertThat(root.getLocalName()).isEqualTo("svg");
    assertThat(root.getNamespaceURI()).isEqualTo("http://www.w3.org/2000/svg");
    assertThat(root.getAttribute("viewBox")).isEqualTo("0 0 64 64");
  }

  /**
   * The env a real Helm renders from the chart's default values equals the bundle's, entry by
   * entry; WATCH_NAMESPACES is the one entry each install method fills its own way.
   */
  @Test
  void helmEnvWithDefaultValuesEqualsTheBundlesEnv() {
    Map<String, Object> helmPod = HelmChart.operatorPod(HelmChart.template());
    Map<String, Object> csvPod =
        YamlTree.map(CSV, "spec", "install", "spec", "deployments", 0, "spec", "template", "spec");

    assertThat(InstallFiles.envNames(helmPod)).isEqualTo(InstallFiles.envNames(csvPod));
    for (String name : InstallFiles.envNames(csvPod)) {
      if (!name.equals("WATCH_NAMESPACES")) {
        assertThat(InstallFiles.env(helmPod, name))
            .as("env %s", name)
            .isEqualTo(InstallFiles.env(csvPod, name));
      }
    }
  }

  @Test
  void bundleImageLabelsEqualMetadataAnnotations() {
    Map<String, Object> annotations =
        YamlTree.map(InstallFiles.yaml("olm-bundle/metadata/annotations.yaml"), "annotations");
    Map<String, Object> labels = new LinkedHashMap<>();
    Matcher label =
        Pattern.compile("(?m)^LABEL (\\S+)=(\\S+)$")
            .matcher(ProjectFiles.read(ProjectFiles.resolve("olm-bundle/bundle.Dockerfile")));
    while (label.find()) {
      labels.put(label.group(1), label.group(2));
    }

    assertThat(labels).isEqualTo(annotations);
    assertThat(annotations)
        .containsEntry("operators.operatorframework.io.bundle.package.v1", "mcp-operator")
        .containsEntry("operators.operatorframework.io.bundle.mediatype.v1", "registry+v1");
  }

  @Test
  void scorecardRunsTheBasicAndOlmSuites() {
    Map<String, Object> config = InstallFiles.yaml("olm-bundle/tests/scorecard/config.yaml");
    List<Object> tests = YamlTree.list(config, "stages", 0, "tests");

    assertThat(config).containsEntry("kind", "Configuration");
    assertThat(tests)
        .map(t -> YamlTree.string(t, "labels", "test"))
        .as("the static tests OperatorFrameworkRulesTest ports")
        .containsExactlyInAnyOrder(
            "basic-check-spec-test",
            "olm-bundle-validation-test",
            "olm-crds-have-validation-test",
            "olm-crds-have-resources-test",
            "olm-spec-descriptors-test",
            "olm-status-descriptors-test");
  }

  private static Object withoutWatchNamespaces(Map<String, Object> deploymentSpec) {
    Map<String, Object> copy = YamlTree.copyOf(deploymentSpec);
    List<Object> env = YamlTree.list(copy, "template", "spec", "containers", 0, "env");
    env.removeIf(e -> "WATCH_NAMESPACES".equals(YamlTree.string(e, "name")));
    return copy;
  }
}
