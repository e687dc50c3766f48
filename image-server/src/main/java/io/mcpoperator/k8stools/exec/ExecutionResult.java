package io.mcpoperator.k8stools.exec;

import java.util.List;

/**
 * What a run produced.
 *
 * @param exitCode the pipeline's exit code: the last non-zero code of any stage (a stage killed by
 *     SIGPIPE because a later one stopped reading does not count), 0 if all succeeded, -1 if killed
 * @param stdout the last stage's output, at most the configured number of characters
 * @param stderr every stage's error output, at most the configured number of characters
 * @param truncated whether stdout or stderr was cut
 * @param timedOut whether the run was killed at its timeout
 */
public record ExecutionResult(
    int exitCode, String stdout, String stderr, boolean truncated, boolean timedOut) {

  /** This result with every one of {@code texts} in stdout and stderr replaced by {@code token}. */
  public ExecutionResult hiding(List<String> texts, String token) {
    String out = stdout;
    String err = stderr;
    for (String text : texts) {
      out = out.replace(text, token);
      err = err.replace(text, token);
    }
    return new ExecutionResult(exitCode, out, err, truncated, timedOut);
  }
}
