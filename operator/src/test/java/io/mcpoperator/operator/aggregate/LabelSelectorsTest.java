package io.mcpoperator.operator.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubernetes.client.openapi.models.V1LabelSelector;
import io.mcpoperator.operator.api.KubernetesJson;
import io.mcpoperator.operator.desired.TestServers;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LabelSelectorsTest {
  private static final Map<String, String> LABELS =
      Map.of("app", "weather", "tier", "stable", "team", "a");

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("{}", true),
        Arguments.of("{matchLabels: {app: weather}}", true),
        Arguments.of("{matchLabels: {app: weather, tier: beta}}", false),
        Arguments.of("{matchLabels: {missing: x}}", false),
        Arguments.of(
            "{matchExpressions: [{key: tier, operator: In, values: [stable, gold]}]}", true),
        Arguments.of("{matchExpressions: [{key: tier, operator: In, values: [beta]}]}", false),
        Arguments.of("{matchExpressions: [{key: nope, operator: In, values: [x]}]}", false),
        Arguments.of("{matchExpressions: [{key: tier, operator: NotIn, values: [beta]}]}", true),
        Arguments.of("{matchExpressions: [{key: tier, operator: NotIn, values: [stable]}]}", false),
        Arguments.of("{matchExpressions: [{key: nope, operator: NotIn, values: [x]}]}", true),
        Arguments.of("{matchExpressions: [{key: team, operator: Exists}]}", true),
        Arguments.of("{matchExpressions: [{key: nope, operator: Exists}]}", false),
        Arguments.of("{matchExpressions: [{key: nope, operator: DoesNotExist}]}", true),
        Arguments.of("{matchExpressions: [{key: team, operator: DoesNotExist}]}", false),
        Arguments.of("{matchExpressions: [{key: team, operator: Sometimes}]}", false),
        Arguments.of(
            "{matchLabels: {app: weather}, matchExpressions: [{key: tier, operator: In,"
                + " values: [stable]}, {key: canary, operator: DoesNotExist}]}",
            true),
        Arguments.of(
            "{matchLabels: {app: weather}, matchExpressions: [{key: tier, operator: NotIn,"
                + " values: [stable]}]}",
            false));
  }

  @ParameterizedTest(name = "{0} → {1}")
  @MethodSource("cases")
  void matchesLikeTheApiServer(String selector, boolean expected) {
    assertThat(LabelSelectors.matches(selector(selector), LABELS)).isEqualTo(expected);
  }

  static Stream<Arguments> problems() {
    return Stream.of(
        Arguments.of("{matchExpressions: [{key: a, operator: In}]}", "operator In needs values"),
        Arguments.of(
            "{matchExpressions: [{key: a, operator: NotIn, values: []}]}",
            "operator NotIn needs values"),
        Arguments.of(
            "{matchExpressions: [{key: a, operator: Exists, values: [x]}]}",
            "operator Exists takes no values"),
        Arguments.of(
            "{matchExpressions: [{key: a, operator: Like}]}",
            "operator must be In, NotIn, Exists or DoesNotExist; got Like"),
        Arguments.of("{matchExpressions: [{key: '', operator: Exists}]}", "key is required"),
        Arguments.of("{matchLabels: {a: b}}", ""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("problems")
  void selectorsTheApiServerRejectsAreNamed(String selector, String problem) {
    assertThat(LabelSelectors.problem(selector(selector)).orElse(""))
        .isEqualTo(problem.isEmpty() ? "" : "spec.toolSelector.matchExpressions[0]: " + problem);
  }

  private static V1LabelSelector selector(String yaml) {
    return KubernetesJson.read(TestServers.json("s: " + yaml).get("s"), V1LabelSelector.class);
  }
}
