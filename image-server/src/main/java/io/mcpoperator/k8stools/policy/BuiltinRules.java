package io.mcpoperator.k8stools.policy;

import io.mcpoperator.k8stools.command.Tool;
import io.mcpoperator.k8stools.policy.PolicyRule.Effect;
import java.util.List;
import java.util.Optional;

/**
 * The deny rules strict mode applies before any configured rule (listed in docs/image-server.md).
 */
public final class BuiltinRules {
  private static final List<PolicyRule> STRICT_DENY =
      List.of(
          deny(
              null,
              "kubeconfig-path",
              "",
              "--kubeconfig",
              "a kubeconfig path would read files on this server; pass the kubeconfig as base64"
                  + " in the X-Kubeconfig header or the kubeconfig parameter"),
          deny(Tool.KUBECTL, "kubectl-delete", "delete", "", "kubectl delete removes resources"),
          deny(
              Tool.KUBECTL,
              "kubectl-drain",
              "drain",
              "",
              "kubectl drain evicts every pod of a node"),
          deny(
              Tool.KUBECTL,
              "kubectl-cordon",
              "cordon|uncordon",
              "",
              "cordon/uncordon change where pods are scheduled"),
          deny(Tool.KUBECTL, "kubectl-taint", "taint", "", "kubectl taint changes where pods run"),
          deny(
              Tool.KUBECTL,
              "kubectl-exec",
              "exec|attach",
              "",
              "exec/attach run commands inside containers"),
          deny(
              Tool.KUBECTL,
              "kubectl-port-forward",
              "port-forward|proxy",
              "",
              "port-forward/proxy open network tunnels from this server"),
          deny(
              Tool.KUBECTL,
              "kubectl-cp",
              "cp",
              "",
              "kubectl cp copies files into or out of containers"),
          deny(
              Tool.KUBECTL,
              "kubectl-debug",
              "debug",
              "",
              "kubectl debug starts debugging containers with extra privileges"),
          deny(
              Tool.KUBECTL,
              "kubectl-edit",
              "edit",
              "",
              "kubectl edit needs an interactive editor; use kubectl patch or apply"),
          deny(
              Tool.KUBECTL,
              "kubectl-replace-force",
              "replace",
              "--force",
              "replace --force deletes and re-creates resources"),
          deny(
              Tool.KUBECTL,
              "kubectl-apply-prune",
              "apply",
              "--prune",
              "apply --prune deletes resources missing from the input"),
          deny(
              Tool.KUBECTL,
              "kubectl-rollout-undo",
              "rollout undo",
              "",
              "rollout undo reverts a workload to an older revision"),
          deny(
              Tool.KUBECTL,
              "kubectl-certificate",
              "certificate approve|deny",
              "",
              "approving or denying certificate requests grants or refuses cluster credentials"),
          deny(
              Tool.KUBECTL,
              "kubectl-config-write",
              "config set|set-cluster|set-context|set-credentials|unset|delete-cluster"
                  + "|delete-context|delete-user|use-context|use|rename-context",
              "",
              "kubectl config would change kubeconfig files on this server"),
          deny(
              Tool.KUBECTL,
              "kubectl-config-raw",
              "config view",
              "--raw",
              "config view --raw prints credentials"),
          deny(
              Tool.HELM,
              "helm-uninstall",
              "uninstall|delete|del|un",
              "",
              "helm uninstall removes a release and its resources"),
          deny(
              Tool.HELM,
              "helm-rollback",
              "rollback",
              "",
              "helm rollback reverts a release to an older revision"),
          deny(
              Tool.HELM,
              "helm-plugin",
              "plugin install|add|uninstall|rm|remove|update|up",
              "",
              "helm plugins run arbitrary programs on this server"),
          deny(
              Tool.HELM,
              "helm-post-renderer",
              "",
              "--post-renderer",
              "a post-renderer runs an arbitrary program on this server"),
          deny(
              Tool.HELM,
              "helm-registry-login",
              "registry login|logout",
              "",
              "registry credentials would be stored on this server and shared by every caller"),
          deny(
              Tool.ISTIOCTL,
              "istioctl-uninstall",
              "uninstall",
              "",
              "istioctl uninstall removes the mesh control plane"),
          deny(
              Tool.ISTIOCTL,
              "istioctl-x-uninstall",
              "x|experimental uninstall",
              "",
              "istioctl uninstall removes the mesh control plane"),
          deny(
              Tool.ISTIOCTL,
              "istioctl-dashboard",
              "dashboard|dash|d",
              "",
              "istioctl dashboard opens port-forwards from this server"),
          deny(
              Tool.ISTIOCTL,
              "istioctl-tag-remove",
              "tag remove",
              "",
              "removing a revision tag can break sidecar injection"),
          deny(
              Tool.ARGOCD,
              "argocd-app-delete",
              "app|apps|application|applications delete|rm",
              "",
              "argocd app delete removes an application and, by default, its resources"),
          deny(
              Tool.ARGOCD,
              "argocd-app-rollback",
              "app|apps|application|applications rollback",
              "",
              "argocd app rollback reverts an application to an older revision"),
          deny(
              Tool.ARGOCD,
              "argocd-appset-delete",
              "appset|appsets|applicationset|applicationsets delete|rm",
              "",
              "deleting an ApplicationSet deletes the applications it generated"),
          deny(
              Tool.ARGOCD,
              "argocd-proj-delete",
              "proj|project|projects delete|rm",
              "",
              "argocd proj delete removes a project"),
          deny(
              Tool.ARGOCD,
              "argocd-cluster-rm",
              "cluster|clusters rm|remove|delete",
              "",
              "removing a cluster stops Argo CD from managing it"),
          deny(
              Tool.ARGOCD,
              "argocd-repo-rm",
              "repo|repos|repocreds rm|remove|delete",
              "",
              "removing a repository breaks the applications that use it"),
          deny(
              Tool.ARGOCD,
              "argocd-account-delete-token",
              "account delete-token",
              "",
              "deleting a token locks out whoever uses it"),
          deny(
              Tool.ARGOCD,
              "argocd-admin",
              "admin",
              "",
              "argocd admin works on the cluster directly, bypassing Argo CD's RBAC"),
          deny(
              Tool.ARGOCD,
              "argocd-login",
              "login|relogin|logout",
              "",
              "a login session would be stored on this server and shared by every caller; use"
                  + " --auth-token or the ARGOCD_AUTH_TOKEN environment variable"));

  private BuiltinRules() {}

  /** The rules strict mode adds before the configured deny rules. */
  public static List<PolicyRule> strictDeny() {
    return STRICT_DENY;
  }

  private static PolicyRule deny(
      Tool tool, String name, String command, String withFlag, String reason) {
    return PolicyRule.of(
        name,
        Effect.DENY,
        Optional.ofNullable(tool),
        command,
        withFlag.isEmpty() ? List.of() : List.of(withFlag),
        reason);
  }
}
