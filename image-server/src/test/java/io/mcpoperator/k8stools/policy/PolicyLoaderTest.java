package io.mcpoperator.k8stools.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mcpoperator.k8stools.command.Tool;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PolicyLoaderTest {

  @Test
  void defaultsToStrictWithTheBuiltinRules() {
    Policy policy = PolicyLoader.load(Optional.empty(), Optional.empty(), "", "");
    assertThat(policy.mode()).isEqualTo(Policy.Mode.STRICT);
    assertThat(policy.denyRules()).containsExactlyElementsOf(BuiltinRules.strictDeny());
    assertThat(policy.allowRules()).isEmpty();
  }

  @Test
  void modeOverrideWinsOverTheFile() {
    Policy policy =
        PolicyLoader.load(Optional.of("mode: strict"), Optional.of("PERMISSIVE"), "", "");
    assertThat(policy.mode()).isEqualTo(Policy.Mode.PERMISSIVE);
    assertThat(policy.denyRules()).isEmpty();
  }

  @Test
  void shortFormAddsRulesAfterTheFile() {
    Policy policy =
        PolicyLoader.load(
            Optional.of("mode: permissive\ndeny:\n  - {tool: helm, command: upgrade}"),
            Optional.empty(),
            "kubectl delete pod",
            "kubectl scale; * version ;");
    assertThat(policy.denyRules())
        .extracting(PolicyRule::name)
        .containsExactly("deny:helm upgrade", "deny:kubectl scale", "deny:* version");
    assertThat(policy.allowRules())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.tool()).contains(Tool.KUBECTL);
              assertThat(r.commandText()).isEqualTo("delete pod");
            });
    assertThat(policy.evaluate(Tool.HELM, List.of("version")).allowed()).isFalse();
  }

  @Test
  void emptyDocumentIsTheDefault() {
    assertThat(PolicyLoader.load(Optional.of(""), Optional.empty(), "", "").mode())
        .isEqualTo(Policy.Mode.STRICT);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "mode: lenient",
        "- just a list",
        "modes: strict",
        "deny: kubectl delete",
        "deny: [kubectl delete]",
        "deny:\n  - tool: kubectl\n    flags: [--all]",
        "deny:\n  - tool: oc\n    command: delete",
        "deny:\n  - tool: kubectl",
        "allow:\n  - tool: kubectl\n    command: get\n    withFlags: --all",
      })
  void rejectsBadPoliciesWithAMessage(String yaml) {
    assertThatThrownBy(() -> PolicyLoader.load(Optional.of(yaml), Optional.empty(), "", ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("polic");
  }

  @Test
  void unknownToolInShortFormIsRejected() {
    assertThatThrownBy(() -> PolicyLoader.load(Optional.empty(), Optional.empty(), "", "oc delete"))
        .hasMessageContaining("unknown tool 'oc'");
  }

  @Test
  void ruleDescribesItself() {
    PolicyRule rule =
        PolicyRule.of(
            "r",
            PolicyRule.Effect.DENY,
            Optional.empty(),
            "app|apps delete",
            List.of("--all"),
            "x");
    assertThat(rule.toString()).isEqualTo("r (DENY * app|apps delete with --all)");
  }
}
