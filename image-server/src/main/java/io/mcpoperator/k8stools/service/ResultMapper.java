package io.mcpoperator.k8stools.service;

import io.mcpoperator.k8stools.command.ErrorCode;
import io.mcpoperator.k8stools.command.Tool;
import io.mcpoperator.k8stools.exec.ExecutionResult;
import java.util.Optional;

/** Turns a finished run into the caller's {@link ToolResult}. */
final class ResultMapper {
  private ResultMapper() {}

  static ToolResult map(Tool tool, ExecutionResult run, ToolService.ExecutionLimits limits) {
    String output = run.stdout() + truncationNote(run, limits);
    if (run.timedOut()) {
      return new ToolResult(
          false,
          output,
          Optional.of(
              tool.binary()
                  + " did not finish within "
                  + limits.timeout().toSeconds()
                  + " s and was stopped"
                  + (run.stderr().isBlank() ? "" : ": " + run.stderr().strip())),
          Optional.empty(),
          Optional.of(ErrorCode.TIMEOUT_ERROR),
          run.truncated(),
          Optional.empty(),
          504);
    }
    if (run.exitCode() == 0) {
      return new ToolResult(
          true,
          output,
          Optional.empty(),
          Optional.of(0),
          Optional.empty(),
          run.truncated(),
          Optional.of(run.stderr()).filter(s -> !s.isBlank()),
          200);
    }
    ErrorCode code =
        AuthFailureSigns.present(run.stderr()) ? ErrorCode.AUTH_ERROR : ErrorCode.EXECUTION_ERROR;
    String error =
        run.stderr().isBlank()
            ? "the command exited with code " + run.exitCode()
            : run.stderr().strip();
    return new ToolResult(
        false,
        output,
        Optional.of(error),
        Optional.of(run.exitCode()),
        Optional.of(code),
        run.truncated(),
        Optional.empty(),
        200);
  }

  private static String truncationNote(ExecutionResult run, ToolService.ExecutionLimits limits) {
    return run.truncated()
        ? "\n[output truncated at " + limits.maxOutputChars() + " characters]"
        : "";
  }
}
