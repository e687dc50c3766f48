package io.mcpoperator.k8stools.policy;

import io.mcpoperator.k8stools.command.Tool;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Normalizes kubectl resource words so that rules match however a resource is spelled: {@code
 * pods}, {@code po}, {@code pod} and {@code pods.v1.} all become {@code pod}, and {@code pod/web}
 * becomes {@code pod web}. Comma lists ({@code pod,svc}) stay as they are and match no rule for a
 * single resource.
 */
final class ResourceNames {
  private static final Map<String, String> ALIASES = aliases();

  /** kubectl verbs whose resource is the third word ({@code kubectl rollout undo deploy/x}). */
  private static final Set<String> TWO_WORD_VERBS = Set.of("rollout", "set");

  private ResourceNames() {}

  static List<String> normalize(Tool tool, List<String> positionals) {
    if (tool != Tool.KUBECTL || positionals.size() < 2) {
      return positionals;
    }
    int at = TWO_WORD_VERBS.contains(positionals.getFirst()) && positionals.size() > 2 ? 2 : 1;
    List<String> out = new ArrayList<>(positionals.subList(0, at));
    String word = positionals.get(at);
    int slash = word.indexOf('/');
    if (slash > 0 && !word.contains(",")) {
      out.add(resource(word.substring(0, slash)));
      out.add(word.substring(slash + 1));
    } else {
      out.add(resource(word));
    }
    out.addAll(positionals.subList(at + 1, positionals.size()));
    return out;
  }

  /** The canonical singular name of a kubectl resource word. */
  static String resource(String word) {
    String lower = word.toLowerCase(Locale.ROOT);
    if (lower.contains(",")) {
      return lower;
    }
    int dot = lower.indexOf('.');
    String base = dot > 0 ? lower.substring(0, dot) : lower;
    return ALIASES.getOrDefault(base, base);
  }

  private static Map<String, String> aliases() {
    Map<String, String> aliases = new HashMap<>();
    String table =
        "pod pods po|service services svc|deployment deployments deploy|replicaset replicasets rs"
            + "|statefulset statefulsets sts|daemonset daemonsets ds|job jobs|cronjob cronjobs cj"
            + "|configmap configmaps cm|secret secrets|namespace namespaces ns|node nodes no"
            + "|persistentvolume persistentvolumes pv"
            + "|persistentvolumeclaim persistentvolumeclaims pvc"
            + "|serviceaccount serviceaccounts sa|ingress ingresses ing"
            + "|networkpolicy networkpolicies netpol|event events ev|endpoints ep"
            + "|horizontalpodautoscaler horizontalpodautoscalers hpa"
            + "|poddisruptionbudget poddisruptionbudgets pdb|role roles|rolebinding rolebindings"
            + "|clusterrole clusterroles|clusterrolebinding clusterrolebindings"
            + "|customresourcedefinition customresourcedefinitions crd crds"
            + "|storageclass storageclasses sc|lease leases|limitrange limitranges limits"
            + "|resourcequota resourcequotas quota|mcpserver mcpservers mcps"
            + "|mcptool mcptools mcpt|mcpprompt mcpprompts mcpp|mcpresource mcpresources mcpr";
    for (String row : table.split("\\|")) {
      String[] names = row.split(" ");
      for (String name : names) {
        aliases.put(name, names[0]);
      }
    }
    return Map.copyOf(aliases);
  }
}
