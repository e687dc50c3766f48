package io.mcpoperator.k8stools.command;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The four command-line tools this server runs. */
public enum Tool {
  KUBECTL("kubectl", List.of("version", "--client")),
  HELM("helm", List.of("version", "--short")),
  ISTIOCTL("istioctl", List.of("version", "--remote=false")),
  ARGOCD("argocd", List.of("version", "--client", "--short"));

  private final String binary;
  private final List<String> versionArgs;

  Tool(String binary, List<String> versionArgs) {
    this.binary = binary;
    this.versionArgs = versionArgs;
  }

  /** The executable's file name, which is also the tool's name in URLs and MCP. */
  public String binary() {
    return binary;
  }

  /** Arguments that print the client version without contacting a cluster. */
  public List<String> versionArgs() {
    return versionArgs;
  }

  public static Optional<Tool> byName(String name) {
    String wanted = name.toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(t -> t.binary.equals(wanted)).findFirst();
  }

  public static List<String> names() {
    return Arrays.stream(values()).map(Tool::binary).toList();
  }
}
