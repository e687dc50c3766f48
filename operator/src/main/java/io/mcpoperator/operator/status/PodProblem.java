package io.mcpoperator.operator.status;

/** A pod whose container cannot start or keeps failing, with the kubelet's reason and message. */
public record PodProblem(String podName, String reason, String message) {

  /** {@code pod <name>: <reason> (<message>)}, for status messages. */
  public String describe() {
    return "pod "
        + podName
        + ": "
        + reason
        + (message == null || message.isBlank() ? "" : " (" + message.strip() + ")");
  }
}
