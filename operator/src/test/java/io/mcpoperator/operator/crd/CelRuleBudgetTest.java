package io.mcpoperator.operator.crd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.parser.CelStandardMacro;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every CEL rule of crds/ passes what kube-apiserver checks before it stores a CRD: the rule
 * type-checks against the schema it is declared on ({@link CelSchemaTypes}), and its estimated
 * worst-case cost ({@link CelCostEstimate}), times the number of times it can run, stays within a
 * quarter of the API server's limits. The rules a real API server refused are kept as fixtures and
 * must be refused here too.
 */
class CelRuleBudgetTest {
  /** The margin kept below the API server's limits. */
  private static final long MARGIN = 4;

  /** A rule as declared: its node, how often it can run per object, and its expression. */
  record DeclaredRule(
      String kind, String path, Map<String, Object> schema, long cardinality, String rule) {
    @Override
    public String toString() {
      return kind + " " + (path.isEmpty() ? "<root>" : path) + ": " + rule.replaceAll("\\s+", " ");
    }
  }

  static Stream<DeclaredRule> rules() {
    return Stream.of("MCPServer", "MCPTool", "MCPPrompt", "MCPResource", "MCPRegistry")
        .flatMap(CelRuleBudgetTest::rulesOf);
  }

  static Stream<DeclaredRule> rulesOf(String kind) {
    List<DeclaredRule> out = new ArrayList<>();
    collect(kind, "", Crd.of(kind).schema(), 1, out);
    return out.stream();
  }

  @SuppressWarnings("unchecked")
  private static void collect(
      String kind,
      String path,
      Map<String, Object> node,
      long cardinality,
      List<DeclaredRule> out) {
    for (Map<String, Object> rule : new SchemaNode(path, node).rules()) {
      out.add(new DeclaredRule(kind, path, node, cardinality, (String) rule.get("rule")));
    }
    if (node.get("properties") instanceof Map<?, ?> props) {
      ((Map<String, Object>) props)
          .forEach(
              (name, sub) ->
                  collect(kind, path + "." + name, (Map<String, Object>) sub, cardinality, out));
    }
    long times = CelCostEstimate.multiply(cardinality, CelCostEstimate.maxSize(node));
    if (node.get("items") instanceof Map<?, ?> items) {
      collect(kind, path + "[]", (Map<String, Object>) items, times, out);
    }
    if (node.get("additionalProperties") instanceof Map<?, ?> values) {
      collect(kind, path + ".*", (Map<String, Object>) values, times, out);
    }
  }

  /** Parses and type-checks {@code rule} with {@code self} typed from {@code schema}. */
  static CelAbstractSyntaxTree compile(String path, Map<String, Object> schema, String rule)
      throws CelValidationException {
    CelSchemaTypes types = new CelSchemaTypes();
    var self = types.typeOf(path, schema);
    CelCompiler compiler =
        CelCompilerFactory.standardCelCompilerBuilder()
            .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
            .setTypeProvider(types)
            .addVar("self", self)
            .setResultType(SimpleType.BOOL)
            .build();
    return compiler.compile(rule).getAst();
  }

  static long expressionCost(DeclaredRule r) throws CelValidationException {
    CelAbstractSyntaxTree ast = compile(r.path(), r.schema(), r.rule());
    Map<String, Object> self =
        r.path().isEmpty() ? CelCostEstimate.withObjectMeta(r.schema()) : r.schema();
    return CelCostEstimate.multiply(CelCostEstimate.cost(ast.getExpr(), self), r.cardinality());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void typeChecksAgainstItsSchema(DeclaredRule r) {
    try {
      compile(r.path(), r.schema(), r.rule());
    } catch (CelValidationException e) {
      throw new AssertionError(r + "\nwould be refused by the API server: " + e.getMessage(), e);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void costsAQuarterOfTheRuleBudgetAtMost(DeclaredRule r) throws Exception {
    long cost = expressionCost(r);

    assertThat(cost)
        .as(
            "%s\nestimated cost %,d (x%d per object) exceeds %,d (the API server's limit %,d with"
                + " margin %d): add maxItems/maxLength/maxProperties to what the rule walks",
            r,
            cost,
            r.cardinality(),
            CelCostEstimate.RULE_LIMIT / MARGIN,
            CelCostEstimate.RULE_LIMIT,
            MARGIN)
        .isLessThanOrEqualTo(CelCostEstimate.RULE_LIMIT / MARGIN);
  }

  @ParameterizedTest
  @ValueSource(strings = {"MCPServer", "MCPTool", "MCPPrompt", "MCPResource", "MCPRegistry"})
  void allRulesOfACrdCostAQuarterOfItsBudgetAtMost(String kind) throws Exception {
    long total = 0;
    for (DeclaredRule r : rulesOf(kind).toList()) {
      total += expressionCost(r);
    }

    assertThat(total).isLessThanOrEqualTo(CelCostEstimate.CRD_LIMIT / MARGIN);
  }

  static Stream<Map<String, Object>> refused() {
    return YamlTree.documents(
        ProjectFiles.resolve("operator/src/test/resources/crd/refused-rules.yaml"))
        .stream();
  }

  @SuppressWarnings("unchecked")
  @ParameterizedTest(name = "{index}")
  @MethodSource("refused")
  void refusesWhatARealApiServerRefused(Map<String, Object> fixture) throws Exception {
    Map<String, Object> schema = (Map<String, Object>) fixture.get("schema");
    String rule = (String) fixture.get("rule");
    long cardinality = ((Number) fixture.get("cardinality")).longValue();
    DeclaredRule r = new DeclaredRule("fixture", ".x", schema, cardinality, rule);

    if (fixture.containsKey("error")) {
      assertThatThrownBy(() -> compile(".x", schema, rule))
          .isInstanceOf(CelValidationException.class)
          .hasMessageContaining((String) fixture.get("error"));
    } else {
      double factor = (double) expressionCost(r) / CelCostEstimate.RULE_LIMIT;
      double reported = ((Number) fixture.get("factor")).doubleValue();
      assertThat(factor)
          .as("the API server said %.1fx", reported)
          .isBetween(reported - 0.5, reported + 0.5);
    }
  }

  @Test
  void aFunctionWithoutACostRuleIsNotEstimatedAsFree() throws Exception {
    Map<String, Object> schema = Map.of("type", "string", "maxLength", 10);
    CelAbstractSyntaxTree ast = compile(".x", schema, "int(self) > 0");

    assertThatThrownBy(() -> CelCostEstimate.cost(ast.getExpr(), schema))
        .hasMessageContaining("no cost rule for CEL function int");
  }
}
