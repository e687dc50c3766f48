package io.mcpoperator.operator.crd;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the API server checks when the CRD itself is applied: a structural schema, defaults that
 * satisfy their own schema, list-map keys that always exist, RE2 patterns, bounded lists under CEL
 * rules. Each test lists every offending schema node of a kind.
 */
class StructuralSchemaTest {
  private static final Set<String> TYPES =
      Set.of("object", "array", "string", "integer", "number", "boolean");
  private static final Pattern NOT_RE2 = Pattern.compile("\\(\\?[=!<]|\\\\[1-9]");

  static Stream<String> kinds() {
    return Crd.all().keySet().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kinds")
  void everyNodeHasATypeOrIsIntOrString(String kind) {
    assertThat(
            violations(
                kind,
                (node, out) -> {
                  if (node.flag("x-kubernetes-int-or-string")) {
                    if (node.has("type") || !node.has("anyOf")) {
                      out.add(node + ": int-or-string takes anyOf and no type");
                    }
                  } else if (!TYPES.contains(node.type())) {
                    out.add(node + ": no type");
                  }
                }))
        .isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kinds")
  void objectsAndArraysAreWellFormed(String kind) {
    assertThat(
            violations(
                kind,
                (node, out) -> {
                  if (node.flag("x-kubernetes-preserve-unknown-fields")
                      && !"object".equals(node.type())) {
                    out.add(node + ": preserve-unknown-fields on a non-object");
                  }
                  if ("array".equals(node.type()) && !node.has("items")) {
                    out.add(node + ": array without items");
                  }
                  if (node.has("properties") && node.has("additionalProperties")) {
                    out.add(node + ": properties and additionalProperties together");
                  }
                  if (node.schema().get("required") instanceof List<?> required) {
                    Object props = node.schema().get("properties");
                    for (Object name : required) {
                      if (!(props instanceof Map<?, ?> p) || !p.containsKey(name)) {
                        out.add(node + ": required " + name + " is not a property");
                      }
                    }
                  }
                }))
        .isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kinds")
  void listMapKeysAreRequiredOrDefaulted(String kind) {
    assertThat(
            violations(
                kind,
                (node, out) -> {
                  if (!"map".equals(node.schema().get("x-kubernetes-list-type"))) {
                    return;
                  }
                  Map<String, Object> items = YamlTree.map(node.schema(), "items");
                  Object required = items.get("required");
                  for (Object key : YamlTree.list(node.schema(), "x-kubernetes-list-map-keys")) {
                    boolean defaulted = YamlTree.at(items, "properties", key, "default") != null;
                    boolean isRequired = required instanceof List<?> r && r.contains(key);
                    if (!defaulted && !isRequired) {
                      out.add(node + ": list-map key " + key + " may be absent");
                    }
                  }
                }))
        .isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kinds")
  void patternsAreRe2(String kind) {
    assertThat(
            violations(
                kind,
                (node, out) -> {
                  if (node.schema().get("pattern") instanceof String pattern) {
                    try {
                      Pattern.compile(pattern);
                    } catch (PatternSyntaxException e) {
                      out.add(node + ": " + e.getDescription());
                    }
                    if (NOT_RE2.matcher(pattern).find()) {
                      out.add(node + ": lookaround or backreference, which RE2 lacks");
                    }
                  }
                }))
        .isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kinds")
  void defaultsSatisfyTheirOwnSchema(String kind) {
    List<String> defaults = new ArrayList<>();
    List<String> problems =
        violations(
            kind,
            (node, out) -> {
              if (node.has("default")) {
                defaults.add(node.path());
                CrdJsonSchema.of(node.schema()).validate(node.schema().get("default")).stream()
                    .map(error -> node + ": default " + error)
                    .forEach(out::add);
              }
            });

    assertThat(defaults).isNotEmpty();
    assertThat(problems).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kinds")
  void listsUnderCelRulesAreBounded(String kind) {
    assertThat(
            violations(
                kind,
                (node, out) -> {
                  if ("array".equals(node.type())
                      && !node.has("maxItems")
                      && SchemaNode.all(YamlTree.map(node.schema(), "items")).stream()
                          .anyMatch(n -> !n.rules().isEmpty())) {
                    out.add(node + ": items carry CEL rules, so the list needs maxItems");
                  }
                }))
        .isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kinds")
  void rootFollowsTheApiServersConstraints(String kind) {
    Map<String, Object> root = Crd.of(kind).schema();

    assertThat(root).containsEntry("type", "object").containsEntry("required", List.of("spec"));
    assertThat(YamlTree.map(root, "properties").keySet())
        .containsExactlyInAnyOrder("apiVersion", "kind", "metadata", "spec", "status");
    assertThat(YamlTree.map(root, "properties", "metadata")).isEqualTo(Map.of("type", "object"));
  }

  private static List<String> violations(String kind, BiConsumer<SchemaNode, List<String>> check) {
    List<String> out = new ArrayList<>();
    SchemaNode.all(Crd.of(kind).schema()).forEach(node -> check.accept(node, out));
    return out;
  }
}
