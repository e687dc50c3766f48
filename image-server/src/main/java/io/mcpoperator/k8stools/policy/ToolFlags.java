package io.mcpoperator.k8stools.policy;

import io.mcpoperator.k8stools.command.Tool;
import java.util.Map;
import java.util.Set;

/**
 * What the policy knows about one tool's flags: which take a value (so the next word is not a verb
 * or resource), which are switches, their canonical long names, and which widen a command's scope
 * beyond the objects it names.
 *
 * <p>{@code serverFiles} are flags whose value names a file to read; on this server that can only
 * be a file of the server itself (there is no upload), so strict mode accepts only URLs there.
 *
 * <p>Flags in neither set are read both ways by {@link CommandShape}; the policy then takes the
 * stricter reading.
 */
record ToolFlags(
    Set<String> valueFlags,
    Set<String> switches,
    Map<String, String> canonical,
    Set<String> widening,
    Set<String> serverFiles) {

  private static final ToolFlags KUBECTL =
      new ToolFlags(
          words(
              "-n --namespace --context --cluster --user -s --server --kubeconfig --token --as"
                  + " --as-group --as-uid --certificate-authority --client-certificate --client-key"
                  + " --request-timeout --tls-server-name --cache-dir -v --v --vmodule --profile"
                  + " --profile-output --password --username --log-file -o --output -l --selector"
                  + " --field-selector --filename -k --kustomize -c --container --image --replicas"
                  + " --grace-period --timeout --patch --type --sort-by --template --since"
                  + " --since-time --tail --from-literal --from-file --from-env-file --port"
                  + " --target-port --name -L --label-columns --chunk-size --subresource"
                  + " --field-manager --for --env --labels --overrides --restart"
                  + " --to-revision --revision --min --max --cpu-percent"),
          words(
              "-A --all-namespaces --all -R --recursive --force --now --wait --ignore-not-found"
                  + " --overwrite --dry-run --cascade -w --watch --watch-only --show-labels"
                  + " --no-headers --show-kind --show-managed-fields --local --ignore-daemonsets"
                  + " --delete-emptydir-data --disable-eviction -i --stdin -t --tty -q --quiet -h"
                  + " --help --insecure-skip-tls-verify --match-server-version --warnings-as-errors"
                  + " --server-side --force-conflicts --prune --validate --previous --follow"
                  + " --client"),
          Map.of(
              "-n",
              "--namespace",
              "-A",
              "--all-namespaces",
              "-l",
              "--selector",
              "-f",
              "--filename",
              "-k",
              "--kustomize",
              "-R",
              "--recursive",
              "-o",
              "--output",
              "-h",
              "--help",
              "-s",
              "--server",
              "-c",
              "--container"),
          words(
              "--all --all-namespaces --selector --field-selector --filename --kustomize"
                  + " --recursive --prune"),
          words("--filename --kustomize --from-file --from-env-file"));

  private static final ToolFlags HELM =
      new ToolFlags(
          words(
              "--kube-context --kubeconfig -n --namespace --registry-config --repository-cache"
                  + " --repository-config --burst-limit --qps --kube-apiserver --kube-as-group"
                  + " --kube-as-user --kube-ca-file --kube-token --kube-tls-server-name -o --output"
                  + " --values --set --set-string --set-file --set-json --set-literal --version"
                  + " --timeout --repo --description --post-renderer --post-renderer-args -l"
                  + " --selector --max --offset --filter --revision --username --password"
                  + " --ca-file --cert-file --key-file --keyring --history-max --name-template"
                  + " --labels"),
          words(
              "--debug --all -a --all-namespaces -A --dry-run --wait --wait-for-jobs --atomic"
                  + " --install -i --force --reuse-values --reset-values --create-namespace --devel"
                  + " --dependency-update --skip-crds --no-hooks --keep-history"
                  + " --kube-insecure-skip-tls-verify --insecure-skip-tls-verify -h --help --short"
                  + " -q --quiet --generate-name -g --uninstalled --failed --pending --deployed"
                  + " --superseded --uninstalling --cleanup-on-fail --verify --plain-http"),
          Map.of(
              "-n",
              "--namespace",
              "-o",
              "--output",
              "-f",
              "--values",
              "-A",
              "--all-namespaces",
              "-a",
              "--all",
              "-h",
              "--help",
              "-l",
              "--selector",
              "-i",
              "--install",
              "-g",
              "--generate-name",
              "-q",
              "--quiet"),
          words("--all --all-namespaces --selector"),
          words("--values --set-file"));

  private static final ToolFlags ISTIOCTL =
      new ToolFlags(
          words(
              "-n --namespace -i --istioNamespace --context -c --kubeconfig --vklog -o --output"
                  + " -f --filename -r --revision --set -s --manifests -l --selector --hub --tag"
                  + " --log_output_level"),
          words("-h --help -y --skip-confirmation --dry-run --force --verify --purge --all"),
          Map.of(
              "-n",
              "--namespace",
              "-i",
              "--istioNamespace",
              "-c",
              "--kubeconfig",
              "-o",
              "--output",
              "-f",
              "--filename",
              "-r",
              "--revision",
              "-h",
              "--help",
              "-y",
              "--skip-confirmation",
              "-s",
              "--set",
              "-l",
              "--selector"),
          words("--purge --all --selector"),
          words("--filename --manifests"));

  private static final ToolFlags ARGOCD =
      new ToolFlags(
          words(
              "--server --auth-token --config --grpc-web-root-path -H --header --http-retry-max"
                  + " --kube-context --logformat --loglevel --port-forward-namespace"
                  + " --redis-haproxy-name --redis-name --repo-server-name --server-crt"
                  + " --server-name --client-crt --client-crt-key --controller-name -o --output -l"
                  + " --selector -p --parameter --revision -N --app-namespace --project"
                  + " --dest-namespace --dest-server --dest-name --repo --path --sync-policy"
                  + " --timeout --resource --label --name --values --helm-set --retry-limit -f --file"),
          words(
              "--core --grpc-web --insecure --plaintext --port-forward -h --help --prune --force"
                  + " --dry-run --async --cascade -y --yes --all --refresh --hard-refresh --upsert"
                  + " --validate --replace --server-side --apply-out-of-sync-only --client --short"),
          Map.of(
              "-o",
              "--output",
              "-l",
              "--selector",
              "-N",
              "--app-namespace",
              "-p",
              "--parameter",
              "-H",
              "--header",
              "-h",
              "--help",
              "-y",
              "--yes",
              "-f",
              "--file"),
          words("--all --selector"),
          words("--file"));

  static ToolFlags of(Tool tool) {
    return switch (tool) {
      case KUBECTL -> KUBECTL;
      case HELM -> HELM;
      case ISTIOCTL -> ISTIOCTL;
      case ARGOCD -> ARGOCD;
    };
  }

  /** The canonical long name of a flag ({@code -A} → {@code --all-namespaces}). */
  String canonicalName(String flag) {
    return canonical.getOrDefault(flag, flag);
  }

  private static Set<String> words(String text) {
    return Set.of(text.split(" "));
  }
}
