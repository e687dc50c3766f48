package io.mcpoperator.k8stools.service;

import java.util.Optional;

/**
 * One call of a tool, as REST and MCP receive it.
 *
 * @param tool the tool's name from the URL or the MCP tool name
 * @param command the command line, starting with the tool's name
 * @param namespace the namespace to add as the tool's namespace flag
 * @param kubeconfig a base64-encoded kubeconfig (the X-Kubeconfig header already chosen over the
 *     body by the caller)
 */
public record ToolRequest(
    String tool, String command, Optional<String> namespace, Optional<String> kubeconfig) {

  public ToolRequest {
    namespace = namespace.filter(s -> !s.isBlank());
    kubeconfig = kubeconfig.filter(s -> !s.isBlank());
  }
}
