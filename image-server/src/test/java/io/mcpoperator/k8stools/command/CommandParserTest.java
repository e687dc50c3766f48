package io.mcpoperator.k8stools.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CommandParserTest {

  @Test
  void keepsTheToolArgumentsAndFilters() {
    ParsedCommand parsed =
        CommandParser.parse(Tool.KUBECTL, "kubectl get pods -A | grep -i web | head -n 5");
    assertThat(parsed.tool()).isEqualTo(Tool.KUBECTL);
    assertThat(parsed.args()).containsExactly("get", "pods", "-A");
    assertThat(parsed.filters())
        .containsExactly(List.of("grep", "-i", "web"), List.of("head", "-n", "5"));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "KUBECTL  | get pods -n default",
        "KUBECTL  | get pods -o json | jq -r '.items[].metadata.name'",
        "HELM     | list -A",
        "ISTIOCTL | proxy-status",
        "ARGOCD   | app list --output name",
      })
  void theToolsNameInFrontIsOptional(Tool tool, String command) {
    ParsedCommand bare = CommandParser.parse(tool, command);
    ParsedCommand named = CommandParser.parse(tool, tool.binary() + " " + command);
    assertThat(bare).isEqualTo(named);
    assertThat(bare.args()).doesNotContain(tool.binary()).isNotEmpty();
    assertThat(bare.args().getFirst()).isEqualTo(command.split(" ")[0]);
  }

  @Test
  void anotherToolsCommandIsPointedToItsTool() {
    assertThatThrownBy(() -> CommandParser.parse(Tool.KUBECTL, "helm list"))
        .isInstanceOf(ToolFailure.class)
        .hasMessage(
            "this tool runs kubectl only, got a helm command: send it to the helm tool"
                + " (POST /tools/helm)");
    assertThatThrownBy(() -> CommandParser.parse(Tool.ARGOCD, "kubectl get pods"))
        .hasMessageContaining("send it to the kubectl tool");
  }

  @Test
  void aProgramPathIsNotACommand() {
    assertThatThrownBy(() -> CommandParser.parse(Tool.HELM, "/bin/sh -c id"))
        .isInstanceOf(ToolFailure.class)
        .hasMessage(
            "command must be helm's arguments, optionally after 'helm'; got the program"
                + " '/bin/sh'");
    assertThatThrownBy(() -> CommandParser.parse(Tool.KUBECTL, "/usr/bin/kubectl get pods"))
        .hasMessageContaining("got the program '/usr/bin/kubectl'");
  }

  @Test
  void overLongCommandIsRefusedByItsSize() {
    String command = "get pods -l " + "é".repeat(40_000);
    assertThatThrownBy(() -> CommandParser.parse(Tool.KUBECTL, command))
        .hasMessageStartingWith("command is too long: 80012 bytes, at most 65536 are accepted");
    assertThat(CommandParser.parse(Tool.KUBECTL, "get pods -l " + "x".repeat(60_000)).args())
        .hasSize(4);
  }

  @Test
  void blankCommandIsRejected() {
    assertThatThrownBy(() -> CommandParser.parse(Tool.ARGOCD, "  "))
        .hasMessageContaining("command is required");
    assertThatThrownBy(() -> CommandParser.parse(Tool.ARGOCD, null))
        .hasMessageContaining("command is required");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "kubectl get pods | grep web",
        "kubectl get pods | grep -v -i web",
        "kubectl get pods | grep -e web",
        "kubectl get pods | grep -iE 'web|api'",
        "kubectl get pods | grep -A3 web",
        "kubectl get pods | grep -C 2 --count web",
        "kubectl get pods | head -5",
        "kubectl get pods | head -n 5",
        "kubectl get pods | head -n5",
        "kubectl get pods | tail --lines=3",
        "kubectl get pods | wc -l",
        "kubectl get pods | sort -k2 -rn",
        "kubectl get pods | sort -t , -k 2",
        "kubectl get pods -o json | jq -r '.items[].metadata.name'",
        "kubectl get pods -o json | jq --arg n web '.items[] | select(.metadata.name == $n)'",
        "kubectl get pods -o json | jq --indent 4 .",
      })
  void allowsTextFilters(String line) {
    assertThat(CommandParser.parse(Tool.KUBECTL, line).filters()).isNotEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "kubectl get pods | sh",
        "kubectl get pods | bash -c id",
        "kubectl get pods | xargs kubectl delete pod",
        "kubectl get pods | tee /tmp/x",
        "kubectl get pods | grep -r token /var/run/secrets",
        "kubectl get pods | grep web /etc/passwd",
        "kubectl get pods | grep -e web /etc/passwd",
        "kubectl get pods | grep -f /etc/shadow",
        "kubectl get pods | head /etc/passwd",
        "kubectl get pods | tail -f",
        "kubectl get pods | sort -o /tmp/out",
        "kubectl get pods | sort --compress-program=sh",
        "kubectl get pods | wc --files0-from=/etc/passwd",
        "kubectl get pods | jq . /etc/passwd",
        "kubectl get pods | jq --rawfile x /etc/shadow .",
        "kubectl get pods | jq -f prog.jq",
        "kubectl get pods | jq -L /tmp 'import \"x\" as x; .'",
      })
  void rejectsFiltersThatReadFilesOrRunPrograms(String line) {
    assertThatThrownBy(() -> CommandParser.parse(Tool.KUBECTL, line))
        .isInstanceOf(ToolFailure.class);
  }

  @Test
  void explainsWhichFiltersAreAllowed() {
    assertThatThrownBy(
            () -> CommandParser.parse(Tool.KUBECTL, "kubectl get pods | awk '{print $1}'"))
        .hasMessageContaining("'awk' is not an allowed pipeline stage")
        .hasMessageContaining("grep, head, jq, sort, tail, wc");
    assertThatThrownBy(
            () -> CommandParser.parse(Tool.KUBECTL, "kubectl get pods | grep web /etc/passwd"))
        .hasMessageContaining("file names and extra arguments are not allowed");
  }
}
