package io.mcpoperator.k8stools.command;

/** The error codes a caller sees in REST responses and MCP tool results. */
public enum ErrorCode {
  /** The request or command is malformed, names an unknown tool, or the policy blocks it. */
  VALIDATION_ERROR,
  /** The command ran and failed, or its CLI is not installed. */
  EXECUTION_ERROR,
  /** The kubeconfig is unusable, or the cluster refused the credentials. */
  AUTH_ERROR,
  /** The command did not finish within the configured timeout and was killed. */
  TIMEOUT_ERROR,
  /** A fault in this server. */
  INTERNAL_ERROR
}
