package io.mcpoperator.operator.docs;

import io.mcpoperator.operator.crd.ProjectFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * {@code docs/api-reference.md}, generated from the CRDs of {@code crds/}: per kind its names,
 * scope, subresources, printer columns and a table of every spec and status field. The output
 * depends only on the CRDs' content (kinds in a fixed order, fields in schema order), so the test
 * can compare it with the committed file.
 */
final class ApiReference {
  /** Kinds in the order the reference lists them; any other kind follows, by name. */
  private static final List<String> KIND_ORDER =
      List.of("MCPServer", "MCPTool", "MCPPrompt", "MCPResource");

  private ApiReference() {}

  /** The repository root (the directory holding {@code crds/} and {@code pom.xml}). */
  static Path root() {
    return ProjectFiles.root();
  }

  /** Where the reference is committed. */
  static Path file() {
    return root().resolve("docs/api-reference.md");
  }

  /** The CRD files of {@code crds/} ({@code mcpoperator.io_<plural>.yaml}). */
  static List<Path> crdFiles() {
    return ProjectFiles.crdFilesIn(root().resolve("crds"));
  }

  /** The reference for CRD files, in whatever order they are given. */
  static String renderFiles(List<Path> files) {
    return render(files.stream().map(ApiReference::load).toList());
  }

  /** The reference for parsed CRDs (one map per CustomResourceDefinition). */
  static String render(List<Map<String, Object>> crds) {
    List<CrdView> kinds =
        crds.stream()
            .map(CrdView::new)
            .sorted(Comparator.comparingInt(ApiReference::rank).thenComparing(CrdView::kind))
            .toList();
    StringBuilder out = new StringBuilder();
    out.append("# API reference\n\n")
        .append("<!-- Generated from crds/*.yaml by operator/src/test/java/io/mcpoperator/")
        .append("operator/docs/ApiReference.java: do not edit; run `make api-docs`. -->\n\n")
        .append("Every field of the operator's custom resources, generated from the CRDs in ")
        .append("[crds/](../crds) (`make api-docs` rewrites this page; `ApiReferenceTest` fails ")
        .append("when it and the CRDs disagree). Types, defaults, enums and limits are what the ")
        .append("API server enforces; a *Rule* is a CEL validation and its message is what ")
        .append("`kubectl apply` answers when the rule fails.\n\n");
    for (CrdView crd : kinds) {
      out.append("- [").append(crd.kind()).append("](#").append(anchor(crd.kind())).append(")\n");
    }
    for (CrdView crd : kinds) {
      out.append('\n').append(KindSection.of(crd));
    }
    return out.toString();
  }

  private static int rank(CrdView crd) {
    int i = KIND_ORDER.indexOf(crd.kind());
    return i < 0 ? KIND_ORDER.size() : i;
  }

  /** GitHub's heading anchor for a one-word heading. */
  static String anchor(String heading) {
    return heading.toLowerCase(java.util.Locale.ROOT);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> load(Path file) {
    try {
      LoaderOptions options = new LoaderOptions();
      options.setAllowDuplicateKeys(false);
      Object doc = new Yaml(new SafeConstructor(options)).load(Files.readString(file));
      return (Map<String, Object>) doc;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Accessors for one CustomResourceDefinition's plain-map form. */
  record CrdView(Map<String, Object> yaml) {
    Map<String, Object> spec() {
      return Schema.map(yaml.get("spec"));
    }

    Map<String, Object> names() {
      return Schema.map(spec().get("names"));
    }

    String kind() {
      return (String) names().get("kind");
    }

    String group() {
      return (String) spec().get("group");
    }

    String scope() {
      return (String) spec().get("scope");
    }

    List<Map<String, Object>> versions() {
      List<Map<String, Object>> out = new ArrayList<>();
      Schema.list(spec().get("versions")).forEach(v -> out.add(Schema.map(v)));
      return out;
    }
  }
}
