package io.mcpoperator.k8stools.service;

import io.mcpoperator.k8stools.command.ErrorCode;
import io.mcpoperator.k8stools.command.ToolFailure;
import java.util.Optional;

/**
 * The outcome of a tool call, the same for REST and MCP.
 *
 * @param success whether the command ran and exited with 0
 * @param output the command's standard output (possibly cut, see {@code truncated})
 * @param error what went wrong: the command's stderr or this server's message
 * @param exitCode the exit code, when the command ran to its end
 * @param errorCode the kind of failure
 * @param truncated whether output or error was cut at the configured limit
 * @param stderr warnings the command printed although it succeeded
 * @param httpStatus the HTTP status REST answers with
 */
public record ToolResult(
    boolean success,
    String output,
    Optional<String> error,
    Optional<Integer> exitCode,
    Optional<ErrorCode> errorCode,
    boolean truncated,
    Optional<String> stderr,
    int httpStatus) {

  static ToolResult failure(ToolFailure failure) {
    return new ToolResult(
        false,
        "",
        Optional.of(failure.getMessage()),
        Optional.empty(),
        Optional.of(failure.code()),
        false,
        Optional.empty(),
        failure.httpStatus());
  }
}
