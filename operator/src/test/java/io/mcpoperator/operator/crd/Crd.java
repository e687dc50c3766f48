package io.mcpoperator.operator.crd;

import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** One CustomResourceDefinition file of {@code crds/}, with accessors for what the tests check. */
record Crd(Path file, Map<String, Object> yaml) {

  static final String GROUP = "mcpoperator.io";
  static final String VERSION = "v1alpha1";

  /** The four CRDs of {@code crds/}, keyed by kind. */
  static Map<String, Crd> all() {
    return Catalog.CRDS;
  }

  static Crd of(String kind) {
    Crd crd = Catalog.CRDS.get(kind);
    if (crd == null) {
      throw new IllegalArgumentException("no CRD of kind " + kind + " in crds/");
    }
    return crd;
  }

  String kind() {
    return YamlTree.string(yaml, "spec", "names", "kind");
  }

  String plural() {
    return YamlTree.string(yaml, "spec", "names", "plural");
  }

  Map<String, Object> names() {
    return YamlTree.map(yaml, "spec", "names");
  }

  Map<String, Object> version() {
    return YamlTree.map(yaml, "spec", "versions", 0);
  }

  Map<String, Object> schema() {
    return YamlTree.map(version(), "schema", "openAPIV3Schema");
  }

  @SuppressWarnings("unchecked")
  List<Map<String, Object>> printerColumns() {
    return (List<Map<String, Object>>)
        (List<?>) YamlTree.list(version(), "additionalPrinterColumns");
  }

  private static final class Catalog {
    static final Map<String, Crd> CRDS = load();

    private static Map<String, Crd> load() {
      return ProjectFiles.crdFilesIn(ProjectFiles.resolve("crds")).stream()
          .map(file -> new Crd(file, YamlTree.document(file)))
          .collect(
              Collectors.collectingAndThen(
                  Collectors.toMap(Crd::kind, crd -> crd, (a, b) -> a, TreeMap::new),
                  Collections::unmodifiableMap));
    }
  }
}
