package io.mcpoperator.operator.crd;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * deploy/helm/mcp-operator through a real Helm: helm-java's Helm 3 library (Go, built as a shared
 * library for linux-amd64, loaded with JNA). Nothing here skips: without the native library the
 * first call throws, and the test fails.
 */
final class HelmChart {
  static final String RELEASE = "mcp-operator";
  static final String NAMESPACE = "mcp-operator-system";

  /**
   * The cluster version templates see. The Helm CLI reports its client-go version; helm-java's
   * library is built without it and reports v1.20.0, which the chart's kubeVersion refuses.
   */
  static final String KUBE_VERSION = "v1.29.0";

  private static final Path CHART = ProjectFiles.resolve(InstallFiles.CHART);

  private HelmChart() {}

  static Helm helm() {
    return new Helm(CHART);
  }

  /** {@code helm template mcp-operator <chart> -n mcp-operator-system} with the default values. */
  static List<Map<String, Object>> template() {
    return template(t -> t);
  }

  /** The same with overrides, e.g. {@code t -> t.set("replicaCount", 1)}. */
  static List<Map<String, Object>> template(UnaryOperator<TemplateCommand> overrides) {
    TemplateCommand command =
        helm().template().withName(RELEASE).withNamespace(NAMESPACE).withKubeVersion(KUBE_VERSION);
    return YamlTree.documents(overrides.apply(command).call());
  }

  /** The same with a values file ({@code -f}) holding {@code valuesYaml}. */
  static List<Map<String, Object>> templateWithValues(String valuesYaml) {
    try {
      Path values = Files.createTempFile("values-", ".yaml");
      try {
        Files.writeString(values, valuesYaml);
        return template(t -> t.withValuesFile(values));
      } finally {
        Files.delete(values);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code helm lint --strict <chart>}. */
  static LintResult lintStrict() {
    return helm().lint().strict().call();
  }

  /** The one rendered object of {@code kind} named {@code name}. */
  static Map<String, Object> object(List<Map<String, Object>> docs, String kind, String name) {
    List<Map<String, Object>> found = objects(docs, kind).stream().filter(named(name)).toList();
    if (found.size() != 1) {
      throw new AssertionError(found.size() + " " + kind + "/" + name + " rendered, expected 1");
    }
    return found.getFirst();
  }

  static List<Map<String, Object>> objects(List<Map<String, Object>> docs, String kind) {
    return docs.stream().filter(d -> kind.equals(d.get("kind"))).toList();
  }

  /** "Kind/name" of every rendered object, to assert what a render holds. */
  static List<String> kindsAndNames(List<Map<String, Object>> docs) {
    return docs.stream()
        .map(d -> d.get("kind") + "/" + YamlTree.string(d, "metadata", "name"))
        .toList();
  }

  /** The pod template spec of the operator Deployment. */
  static Map<String, Object> operatorPod(List<Map<String, Object>> docs) {
    return YamlTree.map(object(docs, "Deployment", RELEASE), "spec", "template", "spec");
  }

  private static Predicate<Map<String, Object>> named(String name) {
    return d -> name.equals(YamlTree.string(d, "metadata", "name"));
  }
}
