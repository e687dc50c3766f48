package io.mcpoperator.k8stools.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ShellSplitterTest {

  static Stream<Arguments> words() {
    return Stream.of(
        Arguments.of("kubectl get pods", List.of("kubectl", "get", "pods")),
        Arguments.of("  kubectl\tget   pods  ", List.of("kubectl", "get", "pods")),
        Arguments.of(
            "kubectl get pods -o jsonpath='{.items[*].metadata.name}'",
            List.of("kubectl", "get", "pods", "-o", "jsonpath={.items[*].metadata.name}")),
        Arguments.of(
            "kubectl annotate pod x note=\"a \\\"quoted\\\" word\"",
            List.of("kubectl", "annotate", "pod", "x", "note=a \"quoted\" word")),
        Arguments.of("kubectl get pod my\\ pod", List.of("kubectl", "get", "pod", "my pod")),
        Arguments.of(
            "kubectl label pod x 'a=$(whoami)'",
            List.of("kubectl", "label", "pod", "x", "a=$(whoami)")),
        Arguments.of("kubectl get pods \"\"", List.of("kubectl", "get", "pods", "")),
        Arguments.of("helm list --filter 'a|b'", List.of("helm", "list", "--filter", "a|b")),
        Arguments.of(
            "kubectl get pods -l 'app in (a,b)'",
            List.of("kubectl", "get", "pods", "-l", "app in (a,b)")),
        Arguments.of(
            "kubectl get pods --field-selector=status.phase!=Running",
            List.of("kubectl", "get", "pods", "--field-selector=status.phase!=Running")),
        Arguments.of("echo \"cost: $\"", List.of("echo", "cost: $")));
  }

  @ParameterizedTest
  @MethodSource("words")
  void splitsLikeAShell(String line, List<String> expected) {
    assertThat(ShellSplitter.split(line)).containsExactly(expected);
  }

  @Test
  void unquotedPipeSeparatesStages() {
    assertThat(ShellSplitter.split("kubectl get pods -o json | jq '.items | length'|wc -l"))
        .containsExactly(
            List.of("kubectl", "get", "pods", "-o", "json"),
            List.of("jq", ".items | length"),
            List.of("wc", "-l"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "kubectl get pods; rm -rf /",
        "kubectl get pods && kubectl delete pods --all",
        "kubectl get pods || true",
        "kubectl get pods &",
        "kubectl get pods > /etc/passwd",
        "kubectl apply -f - < /etc/shadow",
        "kubectl get pods $(whoami)",
        "kubectl get pods \"$(whoami)\"",
        "kubectl get pods `id`",
        "kubectl get pods \"`id`\"",
        "kubectl get pods $HOME",
        "kubectl get pods ${HOME}",
        "kubectl get pods \"$HOME\"",
        "(kubectl get pods)",
        "kubectl get pods\nkubectl delete pods --all",
        "kubectl get pods 'unterminated",
        "kubectl get pods \"unterminated",
        "kubectl get pods \\",
        "kubectl get pods |",
        "| grep x",
        "kubectl get pods | | grep x",
        "",
      })
  void rejectsWhatNeedsAShell(String line) {
    assertThatThrownBy(() -> ShellSplitter.split(line))
        .isInstanceOfSatisfying(
            ToolFailure.class, f -> assertThat(f.code()).isEqualTo(ErrorCode.VALIDATION_ERROR));
  }

  @Test
  void messageNamesTheConstruct() {
    assertThatThrownBy(() -> ShellSplitter.split("kubectl get pods && ls"))
        .hasMessageContaining("'&'")
        .hasMessageContaining("without a shell");
  }
}
