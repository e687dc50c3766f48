package io.mcpoperator.k8stools.exec;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What to run: the tool's argv (executable path first), the filters its output goes through (each
 * an argv), extra environment for the tool, the working directory and the limits.
 */
public record ExecutionSpec(
    List<String> command,
    List<List<String>> filters,
    Map<String, String> environment,
    Path workDir,
    Duration timeout,
    int maxOutputChars) {

  public ExecutionSpec {
    command = List.copyOf(command);
    filters = filters.stream().map(List::copyOf).toList();
    environment = Map.copyOf(environment);
  }
}
