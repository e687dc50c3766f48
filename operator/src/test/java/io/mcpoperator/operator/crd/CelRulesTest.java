package io.mcpoperator.operator.crd;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The CEL rules (x-kubernetes-validations) that the API server evaluates on create and update.
 * Without a CEL engine here, this pins each rule's place, the expression it checks, and a message
 * that tells the user what to fix.
 */
class CelRulesTest {
  private static final Pattern SELF_FIELD = Pattern.compile("self\\.(\\w+)");

  record Rule(String kind, String path, String expression, String message) {
    @Override
    public String toString() {
      return kind + " " + path + ": " + message;
    }
  }

  static Stream<Rule> expectedRules() {
    return Stream.of(
        new Rule(
            "MCPServer",
            "",
            "size(self.metadata.name) <= 63 && self.metadata.name.matches('^[a-z]([-a-z0-9]*[a-z0-9])?$')",
            "metadata.name names the server's Service, so it must be a DNS label"),
        new Rule(
            "MCPServer",
            ".spec",
            "has(self.image) || has(self.toolSelector) || has(self.registry)",
            "spec.image, spec.registry or spec.toolSelector is required"),
        new Rule(
            "MCPServer",
            ".spec.registry",
            "has(self.registryRef) != has(self.url)",
            "spec.registry takes exactly one of registryRef and url"),
        new Rule(
            "MCPServer",
            ".spec.registry.inputs.*",
            "has(self.value) != has(self.secretKeyRef)",
            "an input takes exactly one of value and secretKeyRef"),
        new Rule(
            "MCPServer",
            ".spec",
            "self.tag == 'latest' || !(self.image.contains('@') || self.image.matches(':[^/]*$'))",
            "spec.image already carries a tag or digest, which conflicts with spec.tag"),
        new Rule(
            "MCPServer",
            ".spec",
            "self.volumes.exists(v, v.name == m.name)",
            "every spec.volumeMounts[].name must be the name of an entry in spec.volumes"),
        new Rule(
            "MCPServer",
            ".spec.env[]",
            "!(has(self.value) && has(self.valueFrom))",
            "either value or valueFrom, not both"),
        new Rule(
            "MCPServer",
            ".spec.env[].valueFrom",
            "+ (has(self.resourceFieldRef) ? 1 : 0) == 1",
            "exactly one of secretKeyRef, configMapKeyRef, fieldRef or resourceFieldRef"),
        new Rule(
            "MCPServer",
            ".spec.ingress",
            "!has(self.tlsSecretName) || has(self.host)",
            "spec.ingress.tlsSecretName requires spec.ingress.host"),
        new Rule(
            "MCPServer",
            ".spec.toolSelector.matchExpressions[]",
            "(self.operator in ['In', 'NotIn']) == (has(self.values) && size(self.values) > 0)",
            "operators In and NotIn need values; Exists and DoesNotExist take none"),
        new Rule(
            "MCPServer",
            ".spec.auth",
            "self.mode != 'oidc' || (has(self.issuer) && has(self.resourceUrl))",
            "spec.auth mode oidc needs issuer and resourceUrl"),
        new Rule(
            "MCPServer",
            ".spec.auth",
            "self.mode != 'bearer' || has(self.staticTokens)",
            "spec.auth mode bearer needs staticTokens"),
        new Rule(
            "MCPServer",
            ".spec.auth",
            "|| has(self.staticTokens) || has(self.rules))",
            "spec.auth mode none (the default) checks nothing"),
        new Rule(
            "MCPServer",
            ".spec.auth.rules[]",
            "has(self.tools) || has(self.prompts) || has(self.resources)",
            "a rule names tools, prompts or resources"),
        new Rule(
            "MCPServer",
            ".spec.auth.rules[].allow[]",
            "+ (has(self.scope) ? 1 : 0) == 1",
            "an allow entry takes exactly one of claim, principal and scope"),
        new Rule(
            "MCPServer",
            ".spec.auth.rules[].allow[]",
            "has(self.claim) == has(self.anyOf)",
            "an allow entry with claim lists the accepted values in anyOf"),
        new Rule(
            "MCPTool",
            ".spec.headers[]",
            "has(self.value) != has(self.valueFrom)",
            "a header sets exactly one of value or valueFrom"),
        new Rule(
            "MCPResource",
            ".spec",
            "has(self.content) != has(self.operations)",
            "set exactly one of spec.content (inline text or blob) or spec.operations"),
        new Rule(
            "MCPResource",
            ".spec.content",
            "!(has(self.text) && has(self.blob))",
            "spec.content sets text or blob, not both"),
        new Rule(
            "MCPResource",
            ".spec.operations[]",
            "p.__in__ != 'path' || self.ingressPath.contains('{' + p.name + '}')",
            "every parameter with in path must appear as {name} in ingressPath"),
        new Rule(
            "MCPRegistry",
            ".spec.source",
            "has(self.api) != has(self.configMap)",
            "spec.source sets exactly one of api and configMap"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("expectedRules")
  void ruleExistsWithItsMessage(Rule expected) {
    List<Map<String, Object>> rules = rulesAt(expected.kind(), expected.path());

    assertThat(rules)
        .anySatisfy(
            rule -> {
              assertThat(normalized(rule.get("rule"))).contains(expected.expression());
              assertThat(normalized(rule.get("message"))).contains(expected.message());
            });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kinds")
  void everyRuleIsPinnedAbove(String kind) {
    long pinned = expectedRules().filter(r -> r.kind().equals(kind)).count();
    long present =
        SchemaNode.all(Crd.of(kind).schema()).stream().mapToLong(n -> n.rules().size()).sum();

    assertThat(present).as("rules of %s: add new ones to expectedRules()", kind).isEqualTo(pinned);
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("allRules")
  void everyRuleExplainsItselfAndReadsOnlyDeclaredFields(
      String kind, SchemaNode node, Map<String, Object> rule) {
    assertThat(rule).containsOnlyKeys("rule", "message");
    assertThat(normalized(rule.get("message"))).hasSizeGreaterThan(20);
    if (!node.has("properties")) {
      return;
    }
    Matcher field = SELF_FIELD.matcher(normalized(rule.get("rule")));
    while (field.find()) {
      String name = field.group(1).replaceAll("^__(\\w+)__$", "$1");
      assertThat(YamlTree.map(node.schema(), "properties"))
          .as("rule at %s reads self.%s", node, name)
          .containsKey(name);
    }
  }

  static Stream<String> kinds() {
    return Crd.all().keySet().stream();
  }

  static Stream<Arguments> allRules() {
    return Crd.all().values().stream()
        .flatMap(
            crd ->
                SchemaNode.all(crd.schema()).stream()
                    .flatMap(
                        node -> node.rules().stream().map(r -> Arguments.of(crd.kind(), node, r))));
  }

  private static List<Map<String, Object>> rulesAt(String kind, String path) {
    return SchemaNode.all(Crd.of(kind).schema()).stream()
        .filter(node -> node.path().equals(path))
        .findFirst()
        .map(SchemaNode::rules)
        .orElseThrow(() -> new AssertionError(kind + " has no schema node " + path));
  }

  private static String normalized(Object text) {
    return String.valueOf(text).replaceAll("\\s+", " ").trim();
  }
}
