package io.mcpoperator.operator.crd;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** crds/ is the single source of truth: every copy of a CRD must be byte-identical to it. */
class CrdCopiesTest {
  private static final List<String> COPY_DIRS =
      List.of("deploy/helm/mcp-operator/crds", "olm-bundle/manifests");

  static Stream<Arguments> copies() {
    return COPY_DIRS.stream()
        .flatMap(
            dir ->
                ProjectFiles.crdFilesIn(ProjectFiles.resolve("crds")).stream()
                    .map(source -> Arguments.of(dir, source.getFileName().toString())));
  }

  @ParameterizedTest(name = "{0}/{1}")
  @MethodSource("copies")
  void copyIsIdenticalToCrds(String dir, String file) {
    Path source = ProjectFiles.resolve("crds").resolve(file);
    Path copy = ProjectFiles.resolve(dir).resolve(file);

    assertThat(copy)
        .as("%s is a copy of crds/%s: run `cp crds/mcpoperator.io_*.yaml %s/`", copy, file, dir)
        .exists()
        .hasSameBinaryContentAs(source);
  }

  @ParameterizedTest
  @ValueSource(strings = {"deploy/helm/mcp-operator/crds", "olm-bundle/manifests"})
  void copyHoldsNoCrdThatCrdsLacks(String dir) {
    List<String> sources = names(ProjectFiles.resolve("crds"));

    assertThat(names(ProjectFiles.resolve(dir))).containsExactlyElementsOf(sources);
  }

  @ParameterizedTest
  @ValueSource(strings = {"MCPServer", "MCPTool", "MCPPrompt", "MCPResource", "MCPRegistry"})
  void crdsHoldsEveryKindOnceAndKustomizeListsIt(String kind) {
    Crd crd = Crd.of(kind);
    String fileName = "mcpoperator.io_" + crd.plural() + ".yaml";

    assertThat(crd.file().getFileName()).hasToString(fileName);
    assertThat(YamlTree.string(crd.yaml(), "metadata", "name"))
        .isEqualTo(crd.plural() + "." + Crd.GROUP);
    assertThat(
            YamlTree.list(
                YamlTree.document(ProjectFiles.resolve("crds/Kustomization")), "resources"))
        .contains(fileName);
  }

  /**
   * The README installs the API with {@code kubectl apply -f crds/}, which applies every .yaml,
   * .yml and .json file of the directory: only the CRDs may carry those extensions (the
   * Kustomization is named {@code Kustomization}, which Kustomize reads and kubectl skips).
   */
  @Test
  void kubectlApplyOfCrdsSeesOnlyTheCrds() throws IOException {
    try (Stream<Path> files = Files.list(ProjectFiles.resolve("crds"))) {
      List<String> applied =
          files
              .map(p -> p.getFileName().toString())
              .filter(n -> n.matches(".*\\.(yaml|yml|json)"))
              .sorted()
              .toList();

      assertThat(applied).isEqualTo(names(ProjectFiles.resolve("crds"))).hasSize(5);
    }
  }

  private static List<String> names(Path dir) {
    return ProjectFiles.crdFilesIn(dir).stream().map(p -> p.getFileName().toString()).toList();
  }
}
