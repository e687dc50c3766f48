package io.mcpoperator.k8stools.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcpoperator.k8stools.command.CommandParser;
import io.mcpoperator.k8stools.command.ParsedCommand;
import io.mcpoperator.k8stools.command.Tool;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PolicyTest {
  private static final Policy STRICT =
      PolicyLoader.load(Optional.empty(), Optional.empty(), "", "");
  private static final Policy PERMISSIVE =
      PolicyLoader.load(Optional.of("mode: permissive"), Optional.empty(), "", "");

  /** An operator who lets the assistant restart single pods but nothing broader. */
  private static final Policy RESTART_PODS =
      PolicyLoader.load(
          Optional.of(
              """
              mode: strict
              allow:
                - name: restart-pods
                  tool: kubectl
                  command: delete pod
              deny:
                - name: no-scaling
                  tool: kubectl
                  command: scale
                  reason: replicas are managed by the autoscaler
              """),
          Optional.empty(),
          "",
          "");

  static Stream<Arguments> strictCases() {
    return Stream.of(
        // read-only and ordinary commands run
        row("kubectl get pods -A", true, null),
        row("kubectl describe deployment web -n prod", true, null),
        row("kubectl apply -f https://example.com/deploy.yaml", true, null),
        row("kubectl logs -f web-1", true, null),
        row("kubectl -n prod logs -f web-1 -c app", true, null),
        row("kubectl config view", true, null),
        row("kubectl get pod delete", true, null),
        row("helm list -A", true, null),
        row(
            "helm upgrade --install web oci://registry/chart -f https://example.com/v.yaml",
            true,
            null),
        row("istioctl proxy-status", true, null),
        row("argocd app list", true, null),
        row("argocd app sync web", true, null),
        // dangerous commands are blocked, naming the rule
        row("kubectl delete pod web-1", false, "kubectl-delete"),
        row("kubectl delete pods --all", false, "kubectl-delete"),
        row("kubectl drain node-1 --ignore-daemonsets", false, "kubectl-drain"),
        row("kubectl cordon node-1", false, "kubectl-cordon"),
        row("kubectl exec -it web-1 -- sh", false, "kubectl-exec"),
        row("kubectl port-forward svc/web 8080:80", false, "kubectl-port-forward"),
        row("kubectl cp web-1:/etc/passwd passwd", false, "kubectl-cp"),
        row("kubectl edit deployment web", false, "kubectl-edit"),
        row("kubectl replace --force -f x.yaml", false, "kubectl-replace-force"),
        row("kubectl replace -f https://example.com/x.yaml", true, null),
        row("kubectl apply --prune -l app=web -f dir/", false, "kubectl-apply-prune"),
        row("kubectl rollout undo deployment/web", false, "kubectl-rollout-undo"),
        row("kubectl rollout status deployment/web", true, null),
        row("kubectl config use-context prod", false, "kubectl-config-write"),
        row("kubectl config view --raw", false, "kubectl-config-raw"),
        row("kubectl --kubeconfig /etc/kubernetes/admin.conf get pods", false, "kubeconfig-path"),
        row("helm uninstall web", false, "helm-uninstall"),
        row("helm del web", false, "helm-uninstall"),
        row("helm rollback web 3", false, "helm-rollback"),
        row("helm plugin install https://example.com/p", false, "helm-plugin"),
        row("helm install web ./chart --post-renderer ./hook", false, "helm-post-renderer"),
        row("istioctl uninstall --purge", false, "istioctl-uninstall"),
        row("istioctl x uninstall --purge", false, "istioctl-x-uninstall"),
        row("istioctl -c /root/.kube/config proxy-status", false, "kubeconfig-path"),
        row("argocd app delete web", false, "argocd-app-delete"),
        row("argocd apps rm web", false, "argocd-app-delete"),
        row("argocd app rollback web 2", false, "argocd-app-rollback"),
        row("argocd admin export", false, "argocd-admin"),
        row("argocd login argocd.example.com", false, "argocd-login"),
        // files of this server cannot be read through file flags
        row("kubectl apply -f deploy.yaml", false, "server-files"),
        row("kubectl apply --filename=/etc/passwd", false, "server-files"),
        row("kubectl apply -f/etc/passwd", false, "server-files"),
        row("kubectl apply -k /app", false, "server-files"),
        row(
            "kubectl create secret generic x --from-file=/var/run/secrets/kubernetes.io/serviceaccount/token --dry-run=client -o yaml",
            false,
            "server-files"),
        row("kubectl create configmap x --from-env-file /proc/self/environ", false, "server-files"),
        row(
            "helm template web oci://registry/chart --set-file key=/etc/shadow",
            false,
            "server-files"),
        row("helm install web oci://registry/chart -f /tmp/values.yaml", false, "server-files"),
        row("istioctl analyze -f /etc/istio/x.yaml", false, "server-files"),
        row("argocd app create web -f /etc/passwd", false, "server-files"),
        // global flags before the verb do not hide it
        row("kubectl -n prod delete pod web-1", false, "kubectl-delete"),
        row("kubectl --namespace=prod --context admin delete pod web-1", false, "kubectl-delete"),
        row("kubectl -nprod delete pod web-1", false, "kubectl-delete"),
        row("kubectl -v 9 delete pod web-1", false, "kubectl-delete"),
        row("helm -n prod uninstall web", false, "helm-uninstall"),
        row("argocd --server argocd.example.com app delete web", false, "argocd-app-delete"),
        // an unknown flag is read both as a switch and as taking a value: the stricter wins
        row("kubectl --some-new-flag delete pod web-1", false, "kubectl-delete"),
        row("kubectl --some-new-flag x delete pod web-1", false, "kubectl-delete"),
        // help is always allowed, but not when the help flag could be a flag's value
        row("kubectl delete --help", true, "help"),
        row("kubectl delete pods --all -h", true, "help"),
        row("helm uninstall --help", true, "help"),
        row("kubectl delete pods --all --help=false", false, "kubectl-delete"),
        row("kubectl --unknown-flag --help delete pods --all", false, "kubectl-delete"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("strictCases")
  void strictMode(String command, boolean allowed, String rule) {
    assertDecision(STRICT, command, allowed, rule);
  }

  static Stream<Arguments> allowRuleCases() {
    return Stream.of(
        // the allow rule covers deleting named pods, however the resource is spelled
        row("kubectl delete pod web-1", true, "restart-pods"),
        row("kubectl delete pods web-1 web-2", true, "restart-pods"),
        row("kubectl delete po web-1", true, "restart-pods"),
        row("kubectl delete pod/web-1", true, "restart-pods"),
        row("kubectl -n prod delete pod web-1 --grace-period 0", true, "restart-pods"),
        // ... and nothing broader: the prefix-matching pitfall
        row("kubectl delete pods --all", false, "kubectl-delete"),
        row("kubectl delete pod --all -n prod", false, "kubectl-delete"),
        row("kubectl delete pods -A --all", false, "kubectl-delete"),
        row("kubectl delete pods -l app=web", false, "kubectl-delete"),
        row("kubectl delete pods --selector=app=web", false, "kubectl-delete"),
        row("kubectl delete pods --field-selector status.phase=Failed", false, "kubectl-delete"),
        row("kubectl delete -f pods.yaml", false, "kubectl-delete"),
        row("kubectl delete pod,svc web", false, "kubectl-delete"),
        row("kubectl delete podsecuritypolicy restricted", false, "kubectl-delete"),
        row("kubectl delete deployment web", false, "kubectl-delete"),
        row("kubectl delete namespace prod", false, "kubectl-delete"),
        row("kubectl delete --some-new-flag pod web-1", false, "kubectl-delete"),
        // configured deny rules apply too, with their reason
        row("kubectl scale deployment web --replicas 0", false, "no-scaling"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("allowRuleCases")
  void allowRulesAreNotPrefixMatches(String command, boolean allowed, String rule) {
    assertDecision(RESTART_PODS, command, allowed, rule);
  }

  @Test
  void permissiveModeRunsWhatStrictBlocks() {
    assertDecision(PERMISSIVE, "kubectl delete pods --all", true, null);
    assertDecision(PERMISSIVE, "helm uninstall web", true, null);
    assertDecision(PERMISSIVE, "kubectl apply -f deploy.yaml", true, null);
  }

  @Test
  void blockedMessageNamesRuleModeAndReason() {
    PolicyDecision decision = decide(RESTART_PODS, "kubectl scale deployment web --replicas 0");
    assertThat(decision.message())
        .contains("'no-scaling'")
        .contains("strict mode")
        .contains("replicas are managed by the autoscaler");
  }

  @Test
  void denyRuleWithResourceCatchesCommaListsAndAliases() {
    Policy noSecrets =
        PolicyLoader.load(
            Optional.of("mode: permissive"), Optional.empty(), "", "kubectl get secret");
    assertDecision(noSecrets, "kubectl get secrets", false, "deny:kubectl get secret");
    assertDecision(
        noSecrets, "kubectl get configmap,secret -o yaml", false, "deny:kubectl get secret");
    assertDecision(noSecrets, "kubectl get secret/db-password", false, "deny:kubectl get secret");
    assertDecision(noSecrets, "kubectl get configmaps", true, null);
  }

  @Test
  void allowRuleCanOptIntoAWideningFlag() {
    Policy cleanup =
        PolicyLoader.load(
            Optional.of(
                """
                allow:
                  - name: cleanup-failed
                    tool: kubectl
                    command: delete pod
                    withFlags: [--field-selector]
                """),
            Optional.empty(),
            "",
            "");
    assertDecision(
        cleanup,
        "kubectl delete pods --field-selector status.phase=Failed",
        true,
        "cleanup-failed");
    assertDecision(cleanup, "kubectl delete pod web-1", false, "kubectl-delete");
    assertDecision(
        cleanup, "kubectl delete pods --field-selector x=y --all", false, "kubectl-delete");
  }

  @Test
  void wildcardAndToolWideRules() {
    Policy rules =
        PolicyLoader.load(
            Optional.of(
                """
                mode: permissive
                deny:
                  - tool: "*"
                    withFlags: [--as]
                  - tool: argocd
                    command: app * web
                """),
            Optional.empty(),
            "",
            "");
    assertThat(decide(rules, "kubectl get pods --as admin").allowed()).isFalse();
    assertThat(decide(rules, "argocd app sync web").allowed()).isFalse();
    assertThat(decide(rules, "argocd app sync api").allowed()).isTrue();
  }

  /** Checks the command as written and without the tool's name in front: the same decision. */
  private static void assertDecision(Policy policy, String command, boolean allowed, String rule) {
    PolicyDecision decision = decide(policy, command);
    assertThat(decision.allowed()).as(command + " -> " + decision).isEqualTo(allowed);
    assertThat(decision.rule()).as(command).isEqualTo(Optional.ofNullable(rule));
    Tool tool = Tool.byName(command.split(" ")[0]).orElseThrow();
    String bare = command.substring(tool.binary().length()).strip();
    PolicyDecision bareDecision = policy.evaluate(tool, CommandParser.parse(tool, bare).args());
    assertThat(bareDecision).as("'" + bare + "' without the tool's name").isEqualTo(decision);
  }

  private static PolicyDecision decide(Policy policy, String command) {
    Tool tool = Tool.byName(command.split(" ")[0]).orElseThrow();
    ParsedCommand parsed = CommandParser.parse(tool, command);
    return policy.evaluate(tool, parsed.args());
  }

  private static Arguments row(String command, boolean allowed, String rule) {
    return Arguments.of(command, allowed, rule);
  }
}
