package io.mcpoperator.operator.crd;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

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
  void relatedImagesListEveryReleaseImage() {
    Map<String, Object> images = new TreeMap<>();
    for (Object image : YamlTree.list(CSV, "spec", "relatedImages")) {
      images.put(YamlTree.string(image, "name"), YamlTree.string(image, "image"));
    }
    Map<String, Object> pod =
        YamlTree.map(CSV, "spec", "install", "spec", "deployments", 0, "spec", "template", "spec");

    assertThat(images)
        .containsEntry("mcp-operator", InstallFiles.OPERATOR_IMAGE)
        .containsEntry("gateway", InstallFiles.GATEWAY_IMAGE)
        .containsEntry("k8s-server", InstallFiles.K8S_SERVER_IMAGE);
    assertThat(InstallFiles.env(pod, "RELATED_IMAGE_GATEWAY").get("value"))
        .isEqualTo(images.get("gateway"));
  }

  @Test
  void everySpecFieldOfTheAlmExamplesHasADescriptor() {
    Map<String, Set<String>> descriptors = new TreeMap<>();
    for (Object crd : YamlTree.list(CSV, "spec", "customresourcedefinitions", "owned")) {
      Set<String> paths = new TreeSet<>();
      for (Object d : YamlTree.list(crd, "specDescriptors")) {
        paths.add(YamlTree.string(d, "path"));
      }
      descriptors.put(YamlTree.string(crd, "kind"), paths);
      assertThat(YamlTree.list(crd, "statusDescriptors"))
          .anySatisfy(d -> assertThat(YamlTree.at(d, "path")).isEqualTo("conditions"));
    }

    McpDocuments.almExamples()
        .forEach(
            example ->
                assertThat(descriptors.get(example.kind()))
                    .as("scorecard olm-spec-descriptors for %s", example)
                    .containsAll(YamlTree.map(example.doc(), "spec").keySet()));
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
        .contains(
            "basic-check-spec-test", "olm-bundle-validation-test", "olm-crds-have-validation-test");
  }

  @SuppressWarnings("unchecked")
  private static Object withoutWatchNamespaces(Map<String, Object> deploymentSpec) {
    Map<String, Object> copy = (Map<String, Object>) deepCopy(deploymentSpec);
    List<Object> env = YamlTree.list(copy, "template", "spec", "containers", 0, "env");
    env.removeIf(e -> "WATCH_NAMESPACES".equals(YamlTree.string(e, "name")));
    return copy;
  }

  @SuppressWarnings("unchecked")
  private static Object deepCopy(Object value) {
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      map.forEach((k, v) -> out.put((String) k, deepCopy(v)));
      return out;
    }
    if (value instanceof List<?> list) {
      return new java.util.ArrayList<>(list.stream().map(OlmBundleTest::deepCopy).toList());
    }
    return value;
  }
}
