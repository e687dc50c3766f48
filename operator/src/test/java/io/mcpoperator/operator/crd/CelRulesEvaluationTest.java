package io.mcpoperator.operator.crd;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Evaluates the CRDs' CEL rules (x-kubernetes-validations) with cel-java, the way the API server
 * does: on the object after defaulting, at every node where a rule is declared and a value is
 * present, with Kubernetes' escaping of reserved words ({@code in} → {@code __in__}).
 */
class CelRulesEvaluationTest {
  private static final CelCompiler COMPILER =
      CelCompilerFactory.standardCelCompilerBuilder()
          .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
          .addVar("self", SimpleType.DYN)
          .build();
  private static final CelRuntime RUNTIME = CelRuntimeFactory.standardCelRuntimeBuilder().build();
  private static final Set<String> RESERVED =
      Set.of(
          "true",
          "false",
          "null",
          "in",
          "as",
          "break",
          "const",
          "continue",
          "else",
          "for",
          "function",
          "if",
          "import",
          "let",
          "loop",
          "package",
          "namespace",
          "return",
          "var",
          "void",
          "while");

  static Stream<McpDocuments.Source> accepted() {
    Path valid = ProjectFiles.resolve("operator/src/test/resources/crd/valid.yaml");
    return Stream.of(
            McpDocuments.examples(),
            McpDocuments.almExamples(),
            YamlTree.documents(valid).stream().map(d -> new McpDocuments.Source("valid.yaml", d)))
        .flatMap(s -> s);
  }

  static Stream<McpDocuments.Source> rejected() {
    Path file = ProjectFiles.resolve("operator/src/test/resources/crd/cel-invalid.yaml");
    return YamlTree.documents(file).stream()
        .map(d -> new McpDocuments.Source("cel-invalid.yaml", d));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("accepted")
  void passesEveryRule(McpDocuments.Source source) throws Exception {
    assertThat(failedRules(source.doc())).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rejected")
  void failsOnlyTheRuleUnderTest(McpDocuments.Source source) throws Exception {
    String expected =
        YamlTree.string(source.doc(), "metadata", "annotations", "test.mcpoperator.io/expect");

    assertThat(failedRules(source.doc()))
        .isNotEmpty()
        .allSatisfy(message -> assertThat(message).contains(expected));
  }

  private static List<String> failedRules(Map<String, Object> doc) throws Exception {
    Map<String, Object> schema = Crd.of(YamlTree.string(doc, "kind")).schema();
    List<String> failures = new ArrayList<>();
    evaluate(schema, withDefaults(schema, doc), "", failures);
    return failures;
  }

  @SuppressWarnings("unchecked")
  private static void evaluate(
      Map<String, Object> schema, Object value, String path, List<String> failures)
      throws CelValidationException, CelEvaluationException {
    if (value == null) {
      return;
    }
    for (Map<String, Object> rule : new SchemaNode(path, schema).rules()) {
      CelAbstractSyntaxTree ast = COMPILER.compile((String) rule.get("rule")).getAst();
      Object result = RUNTIME.createProgram(ast).eval(Map.of("self", toCel(value)));
      if (!Boolean.TRUE.equals(result)) {
        failures.add(path + ": " + String.valueOf(rule.get("message")).replaceAll("\\s+", " "));
      }
    }
    if (value instanceof Map<?, ?> map && schema.get("properties") instanceof Map<?, ?> props) {
      for (Map.Entry<?, ?> e : props.entrySet()) {
        evaluate(
            (Map<String, Object>) e.getValue(),
            map.get(e.getKey()),
            path + "." + e.getKey(),
            failures);
      }
    }
    if (value instanceof Map<?, ?> map
        && schema.get("additionalProperties") instanceof Map<?, ?> values) {
      for (Map.Entry<?, ?> e : map.entrySet()) {
        evaluate((Map<String, Object>) values, e.getValue(), path + "." + e.getKey(), failures);
      }
    }
    if (value instanceof List<?> list && schema.get("items") instanceof Map<?, ?> items) {
      for (int i = 0; i < list.size(); i++) {
        evaluate((Map<String, Object>) items, list.get(i), path + "[" + i + "]", failures);
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static Object withDefaults(Map<String, Object> schema, Object value) {
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>((Map<String, Object>) map);
      if (schema.get("properties") instanceof Map<?, ?> props) {
        for (Map.Entry<?, ?> e : props.entrySet()) {
          Map<String, Object> sub = (Map<String, Object>) e.getValue();
          String key = (String) e.getKey();
          if (!out.containsKey(key) && sub.containsKey("default")) {
            out.put(key, sub.get("default"));
          }
          if (out.containsKey(key)) {
            out.put(key, withDefaults(sub, out.get(key)));
          }
        }
      }
      return out;
    }
    if (value instanceof List<?> list && schema.get("items") instanceof Map<?, ?> items) {
      return list.stream().map(v -> withDefaults((Map<String, Object>) items, v)).toList();
    }
    return value;
  }

  private static Object toCel(Object value) {
    if (value instanceof Integer i) {
      return (long) i;
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      map.forEach((k, v) -> out.put(RESERVED.contains(k) ? "__" + k + "__" : (String) k, toCel(v)));
      return out;
    }
    if (value instanceof List<?> list) {
      return list.stream().map(CelRulesEvaluationTest::toCel).toList();
    }
    return value;
  }
}
