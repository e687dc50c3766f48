package io.mcpoperator.k8stools.service;

import io.mcpoperator.k8stools.command.Tool;
import io.mcpoperator.k8stools.command.ToolFailure;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Adds the request's namespace to a tool's arguments: {@code --namespace} for kubectl, helm and
 * istioctl, {@code --app-namespace} for {@code argocd app} commands. A namespace the command
 * already names is kept if equal and rejected if different.
 */
final class NamespaceOption {
  private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");
  private static final Set<String> ARGOCD_APP =
      Set.of("app", "apps", "application", "applications");

  private NamespaceOption() {}

  static List<String> apply(Tool tool, List<String> args, Optional<String> namespace) {
    if (namespace.isEmpty()) {
      return args;
    }
    String ns = namespace.get();
    if (!DNS_LABEL.matcher(ns).matches()) {
      throw ToolFailure.validation(
          "namespace '" + ns + "' is not a valid Kubernetes namespace name (RFC 1123 label)");
    }
    String flag = flag(tool, args);
    Optional<String> existing = existing(args, flag, tool == Tool.ARGOCD ? "-N" : "-n");
    if (existing.isPresent()) {
      if (existing.get().equals(ns)) {
        return args;
      }
      throw ToolFailure.validation(
          "namespace given twice: '"
              + ns
              + "' as parameter and '"
              + existing.get()
              + "' in the command");
    }
    List<String> out = new ArrayList<>(args);
    int end = args.indexOf("--");
    out.addAll(end < 0 ? out.size() : end, List.of(flag, ns));
    return out;
  }

  private static String flag(Tool tool, List<String> args) {
    if (tool != Tool.ARGOCD) {
      return "--namespace";
    }
    boolean appCommand =
        args.stream()
            .filter(a -> !a.startsWith("-"))
            .findFirst()
            .filter(ARGOCD_APP::contains)
            .isPresent();
    if (!appCommand) {
      throw ToolFailure.validation(
          "namespace applies to 'argocd app' commands only (as --app-namespace); put other"
              + " namespaces in the command itself");
    }
    return "--app-namespace";
  }

  private static Optional<String> existing(List<String> args, String longFlag, String shortFlag) {
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (arg.equals("--")) {
        break;
      }
      if ((arg.equals(longFlag) || arg.equals(shortFlag)) && i + 1 < args.size()) {
        return Optional.of(args.get(i + 1));
      }
      if (arg.startsWith(longFlag + "=")) {
        return Optional.of(arg.substring(longFlag.length() + 1));
      }
      if (arg.startsWith(shortFlag) && !arg.startsWith("--") && arg.length() > 2) {
        return Optional.of(arg.substring(arg.charAt(2) == '=' ? 3 : 2));
      }
    }
    return Optional.empty();
  }
}
