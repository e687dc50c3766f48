package io.mcpoperator.operator.crd;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** MCP custom resources found in the repository's YAML files and the CSV's alm-examples. */
final class McpDocuments {
  static final String API_VERSION = Crd.GROUP + "/" + Crd.VERSION;
  static final Path CSV =
      Path.of("olm-bundle/manifests/mcp-operator.v0.1.0.clusterserviceversion.yaml");

  private McpDocuments() {}

  /** A document and where it came from, for test names. */
  record Source(String origin, Map<String, Object> doc) {
    String kind() {
      return YamlTree.string(doc, "kind");
    }

    @Override
    public String toString() {
      return origin + " " + kind() + "/" + YamlTree.string(doc, "metadata", "name");
    }
  }

  /** Every document of {@code examples/} (recursively) whose apiVersion is in our group. */
  static Stream<Source> examples() {
    return ProjectFiles.filesUnder(ProjectFiles.resolve("examples"), ".yaml").stream()
        .flatMap(
            file ->
                YamlTree.documents(file).stream()
                    .filter(McpDocuments::isOurs)
                    .map(doc -> new Source(ProjectFiles.root().relativize(file).toString(), doc)));
  }

  /** The CSV's alm-examples (a JSON array in an annotation). */
  @SuppressWarnings("unchecked")
  static Stream<Source> almExamples() {
    Map<String, Object> csv = YamlTree.document(ProjectFiles.resolve(CSV.toString()));
    String json = YamlTree.string(csv, "metadata", "annotations", "alm-examples");
    List<Object> examples =
        (List<Object>) YamlTree.documents("items: " + json).getFirst().get("items");
    return examples.stream().map(e -> new Source("alm-examples", (Map<String, Object>) e));
  }

  static boolean isOurs(Map<String, Object> doc) {
    return String.valueOf(doc.get("apiVersion")).startsWith(Crd.GROUP + "/");
  }
}
