package io.mcpoperator.k8stools.mcp;

import io.mcpoperator.k8stools.service.ToolResult;

/** The text a model reads from a tool result: the output, or the error code, error and output. */
final class ContentText {
  private ContentText() {}

  static String of(ToolResult result) {
    if (result.success()) {
      String out = result.output().isEmpty() ? "(no output)" : result.output();
      return result.stderr().map(w -> out + "\n\nstderr:\n" + w).orElse(out);
    }
    StringBuilder text = new StringBuilder();
    text.append(result.errorCode().map(Enum::name).orElse("EXECUTION_ERROR"));
    result.exitCode().ifPresent(c -> text.append(" (exit code ").append(c).append(")"));
    text.append(": ").append(result.error().orElse(""));
    if (!result.output().isEmpty()) {
      text.append("\n\noutput:\n").append(result.output());
    }
    return text.toString();
  }
}
