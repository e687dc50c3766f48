package io.mcpoperator.k8stools.exec;

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
    int exitCode, String stdout, String stderr, boolean truncated, boolean timedOut) {}
