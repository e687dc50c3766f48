package io.mcpoperator.operator.crd;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcpoperator.operator.crd.Finding.Severity;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * olm-bundle/ passes every rule of {@code operator-sdk bundle validate --select-optional
 * suite=operatorframework} and of the static scorecard tests with 0 errors and 0 warnings. Each
 * family also runs on copies of the bundle broken in one way, to show that its port catches what
 * the upstream rule catches (among them the two failures of issue 9: an owned CRD without
 * resources, and the channel {@code alpha}).
 */
class OperatorFrameworkRulesTest {
  private static final OlmBundle SHIPPED = OlmBundle.load(ProjectFiles.resolve("olm-bundle"));

  /**
   * A bundle and what a family must say about it: nothing blocking for the shipped bundle, or a
   * finding of {@code severity} whose message contains {@code message}.
   */
  record Case(String name, OlmBundle bundle, Severity severity, String message) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static Case shipped() {
    return new Case("shipped olm-bundle/", SHIPPED, null, null);
  }

  private static Case broken(
      String name, UnaryOperator<OlmBundle> edit, Severity severity, String message) {
    return new Case(name, edit.apply(SHIPPED), severity, message);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> owned(Map<String, Object> csv, String kind) {
    return (Map<String, Object>)
        OlmBundle.listAt(csv, "spec", "customresourcedefinitions", "owned").stream()
            .filter(o -> kind.equals(YamlTree.at(o, "kind")))
            .findFirst()
            .orElseThrow();
  }

  private static UnaryOperator<OlmBundle> csvAnnotation(String key, String value) {
    return b -> b.editCsv(csv -> YamlTree.map(csv, "metadata", "annotations").put(key, value));
  }

  private static UnaryOperator<OlmBundle> csvSpec(String key, Object value) {
    return b -> b.editCsv(csv -> YamlTree.map(csv, "spec").put(key, value));
  }

  private static void check(Case c, Function<OlmBundle, List<Finding>> family) {
    List<Finding> findings = family.apply(c.bundle());
    if (c.severity() == null) {
      assertThat(findings)
          .as("errors and warnings of the ported rules (each names the rule it ports)")
          .filteredOn(Finding::blocking)
          .isEmpty();
    } else {
      assertThat(findings)
          .as("findings for %s", c)
          .anySatisfy(
              f -> {
                assertThat(f.severity()).isEqualTo(c.severity());
                assertThat(f.message()).contains(c.message());
              });
    }
  }

  static Stream<Case> bundleFormat() {
    String channels = "operators.operatorframework.io.bundle.channels.v1";
    return Stream.of(
        shipped(),
        broken("no metadata/", b -> b.withoutDirectory("metadata"), Severity.ERROR, "metadata"),
        broken(
            "no channels annotation",
            b -> b.editAnnotations(a -> a.remove(channels)),
            Severity.ERROR,
            channels),
        broken(
            "a Deployment in manifests/",
            b -> b.withOther(Map.of("apiVersion", "apps/v1", "kind", "Deployment")),
            Severity.ERROR,
            "Deployment is not supported"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void bundleFormat(Case c) {
    check(c, OperatorFrameworkRules::bundleFormat);
  }

  static Stream<Case> csv() {
    return Stream.of(
        shipped(),
        broken(
            "upper-case CSV name",
            b -> b.editCsv(csv -> YamlTree.map(csv, "metadata").put("name", "MCP.v0.1.0")),
            Severity.ERROR,
            "metadata.name"),
        broken(
            "alm-examples not JSON",
            csvAnnotation("alm-examples", "[{"),
            Severity.ERROR,
            "invalid"),
        broken(
            "no example of MCPPrompt",
            csvAnnotation(
                "alm-examples",
                "[{\"apiVersion\":\"mcpoperator.io/v1alpha1\",\"kind\":\"MCPTool\"},"
                    + "{\"apiVersion\":\"mcpoperator.io/v1alpha1\",\"kind\":\"MCPServer\"},"
                    + "{\"apiVersion\":\"mcpoperator.io/v1alpha1\",\"kind\":\"MCPResource\"}]"),
            Severity.WARNING,
            "mcpoperator.io/v1alpha1/MCPPrompt"),
        broken(
            "no install mode supported",
            csvSpec("installModes", List.of(Map.of("type", "OwnNamespace", "supported", false))),
            Severity.ERROR,
            "none of InstallModeTypes"),
        broken("no minKubeVersion", csvSpec("minKubeVersion", ""), Severity.WARNING, "minKube"),
        broken("no displayName", csvSpec("displayName", ""), Severity.ERROR, "DisplayName"),
        broken(
            "mis-cased olm.targetNamespaces",
            csvAnnotation("olm.targetnamespaces", ""),
            Severity.ERROR,
            "wrong case"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void csv(Case c) {
    check(c, OperatorFrameworkRules::csv);
  }

  static Stream<Case> crd() {
    return Stream.of(
        shipped(),
        broken(
            "CRD name not plural.group",
            b -> b.editCrd("MCPTool", crd -> YamlTree.map(crd, "metadata").put("name", "tools")),
            Severity.ERROR,
            "metadata.name"),
        broken(
            "no storage version",
            b ->
                b.editCrd(
                    "MCPTool",
                    crd -> YamlTree.map(crd, "spec", "versions", 0).put("storage", false)),
            Severity.ERROR,
            "storage version"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void crd(Case c) {
    check(c, OperatorFrameworkRules::crd);
  }

  static Stream<Case> bundle() {
    return Stream.of(
        shipped(),
        broken(
            "owned kind without CRD file",
            b -> b.editCsv(csv -> owned(csv, "MCPTool").put("kind", "MCPWidget")),
            Severity.ERROR,
            "MCPWidget"),
        broken(
            "relatedImage with upper-case repository",
            csvSpec("relatedImages", List.of(Map.of("name", "x", "image", "ghcr.io/Org/x:1"))),
            Severity.ERROR,
            "invalid image pullspec"),
        broken(
            "bundle near 1 MiB", b -> b.withCompressedSize(950_000), Severity.WARNING, "nearing"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void bundle(Case c) {
    check(c, OperatorFrameworkRules::bundle);
  }

  static Stream<Case> operatorHubV2() {
    return Stream.of(
        shipped(),
        broken("no provider", csvSpec("provider", Map.of()), Severity.ERROR, "Provider.Name"),
        broken(
            "maintainer without email",
            csvSpec("maintainers", List.of(Map.of("name", "someone"))),
            Severity.ERROR,
            "email"),
        broken(
            "relative link",
            csvSpec("links", List.of(Map.of("name", "Docs", "url", "docs/index.html"))),
            Severity.ERROR,
            "docs/index.html"),
        broken("no icon", csvSpec("icon", List.of()), Severity.WARNING, "Icon not specified"),
        broken(
            "icon as BMP",
            csvSpec("icon", List.of(Map.of("base64data", "Qk0=", "mediatype", "image/bmp"))),
            Severity.ERROR,
            "image/bmp"),
        broken(
            "minKubeVersion with a v",
            csvSpec("minKubeVersion", "v1.29"),
            Severity.ERROR,
            "v1.29"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void operatorHubV2(Case c) {
    check(c, OperatorFrameworkRules::operatorHubV2);
  }

  static Stream<Case> capabilities() {
    return Stream.of(
        shipped(),
        broken("made-up level", csvAnnotation("capabilities", "Basic"), Severity.ERROR, "Basic"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void capabilities(Case c) {
    check(c, OperatorFrameworkRules::capabilities);
  }

  static Stream<Case> categories() {
    return Stream.of(
        shipped(),
        broken(
            "non-standard category",
            csvAnnotation("categories", "AI/Machine Learning, Gateways"),
            Severity.ERROR,
            "Gateways"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void categories(Case c) {
    check(c, OperatorFrameworkRules::categories);
  }

  static Stream<Case> deprecatedApis() {
    return Stream.of(
        shipped(),
        broken(
            "policy/v1beta1 PodDisruptionBudget resource on 1.29",
            b ->
                b.editCsv(
                    csv ->
                        OlmBundle.listAt(owned(csv, "MCPServer"), "resources").stream()
                            .map(YamlTree::map)
                            .filter(r -> "PodDisruptionBudget".equals(r.get("kind")))
                            .forEach(r -> r.put("version", "policy/v1beta1"))),
            Severity.ERROR,
            "v1.25"),
        broken(
            "v1beta1 Ingress object for Kubernetes 1.19",
            b ->
                csvSpec("minKubeVersion", "1.19.0")
                    .apply(
                        b.withOther(
                            Map.of("apiVersion", "networking.k8s.io/v1beta1", "kind", "Ingress"))),
            Severity.WARNING,
            "v1.22"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void deprecatedApis(Case c) {
    check(c, OperatorFrameworkRules::deprecatedApis);
  }

  static Stream<Case> goodPractices() {
    String channels = "operators.operatorframework.io.bundle.channels.v1";
    String defaultChannel = "operators.operatorframework.io.bundle.channel.default.v1";
    return Stream.of(
        shipped(),
        broken(
            "channel alpha (issue 9)",
            b ->
                b.editAnnotations(
                    a -> {
                      a.put(channels, "alpha");
                      a.put(defaultChannel, "alpha");
                    }),
            Severity.WARNING,
            "[alpha]"),
        broken(
            "no CPU request",
            b ->
                b.editCsv(
                    csv ->
                        YamlTree.map(
                                csv,
                                "spec",
                                "install",
                                "spec",
                                "deployments",
                                0,
                                "spec",
                                "template",
                                "spec",
                                "containers",
                                0,
                                "resources",
                                "requests")
                            .remove("cpu")),
            Severity.WARNING,
            "resource requests for the container: operator"),
        broken(
            "owned CRD without description",
            b -> b.editCsv(csv -> owned(csv, "MCPPrompt").remove("description")),
            Severity.WARNING,
            "mcpprompts.mcpoperator.io has an empty description"),
        broken(
            "may create CRDs",
            b ->
                b.editCsv(
                    csv ->
                        OlmBundle.listAt(csv, "spec", "install", "spec", "clusterPermissions")
                            .stream()
                            .map(p -> YamlTree.list(p, "rules"))
                            .forEach(
                                rules ->
                                    rules.add(
                                        Map.of(
                                            "apiGroups", List.of("apiextensions.k8s.io"),
                                            "resources", List.of("customresourcedefinitions"),
                                            "verbs", List.of("create"))))),
            Severity.WARNING,
            "create CRD"),
        broken(
            "CSV name without version",
            b -> b.editCsv(csv -> YamlTree.map(csv, "metadata").put("name", "mcp-operator")),
            Severity.WARNING,
            "versioning convention"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void goodPractices(Case c) {
    check(c, OperatorFrameworkRules::goodPractices);
  }

  static Stream<Case> basicCheckSpec() {
    return Stream.of(
        shipped(),
        broken(
            "example without spec",
            csvAnnotation(
                "alm-examples",
                "[{\"apiVersion\":\"mcpoperator.io/v1alpha1\",\"kind\":\"MCPTool\","
                    + "\"metadata\":{\"name\":\"t\"}}]"),
            Severity.SUGGESTION,
            "spec missing from MCPTool/t"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void basicCheckSpec(Case c) {
    check(c, ScorecardRules::basicCheckSpec);
  }

  static Stream<Case> bundleValidation() {
    return Stream.of(
        shipped(),
        broken("no manifests/", b -> b.withoutDirectory("manifests"), Severity.ERROR, "manifests"),
        broken("no minKubeVersion", csvSpec("minKubeVersion", ""), Severity.SUGGESTION, "minKube"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void bundleValidation(Case c) {
    check(c, ScorecardRules::bundleValidation);
  }

  static Stream<Case> crdsHaveValidation() {
    return Stream.of(
        shipped(),
        broken(
            "example with a field the schema lacks",
            csvAnnotation(
                "alm-examples",
                "[{\"apiVersion\":\"mcpoperator.io/v1alpha1\",\"kind\":\"MCPPrompt\","
                    + "\"metadata\":{\"name\":\"p\"},\"spec\":{\"name\":\"p\",\"tone\":\"dry\"}}]"),
            Severity.ERROR,
            "`tone`"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void crdsHaveValidation(Case c) {
    check(c, ScorecardRules::crdsHaveValidation);
  }

  static Stream<Case> crdsHaveResources() {
    return Stream.of(
        shipped(),
        broken(
            "MCPPrompt lists no resources (issue 9)",
            b -> b.editCsv(csv -> owned(csv, "MCPPrompt").put("resources", List.of())),
            Severity.ERROR,
            "Owned CRDs do not have resources specified"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void crdsHaveResources(Case c) {
    check(c, ScorecardRules::crdsHaveResources);
  }

  static Stream<Case> specDescriptors() {
    return Stream.of(
        shipped(),
        broken(
            "example field without descriptor",
            b ->
                b.editCsv(
                    csv ->
                        YamlTree.list(owned(csv, "MCPServer"), "specDescriptors")
                            .removeIf(d -> "tag".equals(YamlTree.at(d, "path")))),
            Severity.ERROR,
            "tag does not have a spec descriptor"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void specDescriptors(Case c) {
    check(c, ScorecardRules::specDescriptors);
  }

  static Stream<Case> statusDescriptors() {
    return Stream.of(
        shipped(),
        broken(
            "example with status, kind without status descriptors",
            b ->
                csvAnnotation(
                        "alm-examples",
                        "[{\"apiVersion\":\"mcpoperator.io/v1alpha1\",\"kind\":\"MCPPrompt\","
                            + "\"spec\":{},\"status\":{\"validated\":true}}]")
                    .apply(b.editCsv(csv -> owned(csv, "MCPPrompt").remove("statusDescriptors"))),
            Severity.ERROR,
            "does not have a status descriptor"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void statusDescriptors(Case c) {
    check(c, ScorecardRules::statusDescriptors);
  }

  static Stream<Case> descriptorsCoverSchema() {
    return Stream.of(
        shipped(),
        broken(
            "status field without descriptor",
            b ->
                b.editCsv(
                    csv ->
                        YamlTree.list(owned(csv, "MCPServer"), "statusDescriptors")
                            .removeIf(d -> "availableReplicas".equals(YamlTree.at(d, "path")))),
            Severity.ERROR,
            "MCPServer status.availableReplicas"),
        broken(
            "descriptor path not in schema",
            b ->
                b.editCsv(
                    csv ->
                        YamlTree.list(owned(csv, "MCPTool"), "specDescriptors")
                            .add(Map.of("path", "service.url"))),
            Severity.ERROR,
            "service.url"),
        broken(
            "unknown x-descriptor",
            b ->
                b.editCsv(
                    csv ->
                        YamlTree.list(owned(csv, "MCPPrompt"), "specDescriptors")
                            .add(
                                Map.of(
                                    "path",
                                    "template",
                                    "x-descriptors",
                                    List.of("urn:alm:descriptor:com.tectonic.ui:textarea")))),
            Severity.ERROR,
            "textarea"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void descriptorsCoverSchema(Case c) {
    check(c, ScorecardRules::descriptorsCoverSchema);
  }
}
