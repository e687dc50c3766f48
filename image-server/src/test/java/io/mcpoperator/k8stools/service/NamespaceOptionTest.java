package io.mcpoperator.k8stools.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mcpoperator.k8stools.command.Tool;
import io.mcpoperator.k8stools.command.ToolFailure;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NamespaceOptionTest {

  @Test
  void addsTheNamespaceFlagAtTheEnd() {
    assertThat(NamespaceOption.apply(Tool.KUBECTL, List.of("get", "pods"), Optional.of("prod")))
        .containsExactly("get", "pods", "--namespace", "prod");
    assertThat(NamespaceOption.apply(Tool.HELM, List.of("list"), Optional.of("prod")))
        .containsExactly("list", "--namespace", "prod");
    assertThat(NamespaceOption.apply(Tool.ISTIOCTL, List.of("proxy-status"), Optional.of("prod")))
        .containsExactly("proxy-status", "--namespace", "prod");
  }

  @Test
  void keepsArgumentsAfterDoubleDashForTheContainer() {
    assertThat(
            NamespaceOption.apply(
                Tool.KUBECTL, List.of("exec", "web", "--", "ls"), Optional.of("a")))
        .containsExactly("exec", "web", "--namespace", "a", "--", "ls");
  }

  @Test
  void argocdAppCommandsGetTheAppNamespace() {
    assertThat(
            NamespaceOption.apply(Tool.ARGOCD, List.of("app", "get", "web"), Optional.of("team-a")))
        .containsExactly("app", "get", "web", "--app-namespace", "team-a");
    assertThatThrownBy(
            () -> NamespaceOption.apply(Tool.ARGOCD, List.of("cluster", "list"), Optional.of("a")))
        .hasMessageContaining("argocd app");
  }

  @Test
  void sameNamespaceInTheCommandIsFineADifferentOneIsNot() {
    List<String> args = List.of("get", "pods", "-n", "prod");
    assertThat(NamespaceOption.apply(Tool.KUBECTL, args, Optional.of("prod"))).isEqualTo(args);
    assertThat(
            NamespaceOption.apply(
                Tool.KUBECTL, List.of("get", "pods", "--namespace=prod"), Optional.of("prod")))
        .containsExactly("get", "pods", "--namespace=prod");
    assertThatThrownBy(
            () ->
                NamespaceOption.apply(
                    Tool.KUBECTL, List.of("-ndev", "get", "pods"), Optional.of("prod")))
        .hasMessageContaining("namespace given twice");
  }

  @Test
  void rejectsNamesThatAreNotNamespaces() {
    for (String bad : List.of("Prod", "-A", "a b", "x".repeat(64), "prod;rm")) {
      assertThatThrownBy(
              () -> NamespaceOption.apply(Tool.KUBECTL, List.of("get"), Optional.of(bad)))
          .isInstanceOf(ToolFailure.class)
          .hasMessageContaining("not a valid Kubernetes namespace");
    }
  }

  @Test
  void noNamespaceLeavesTheCommandAlone() {
    assertThat(NamespaceOption.apply(Tool.ARGOCD, List.of("version"), Optional.empty()))
        .containsExactly("version");
  }
}
