package io.mcpoperator.k8stools.command;

import io.mcpoperator.k8stools.service.ToolFailure;
import java.util.List;

/** Turns a command line into a {@link ParsedCommand} for one tool, or rejects it. */
public final class CommandParser {
  private CommandParser() {}

  /**
   * Parses {@code line}, which must start with the tool's name ({@code kubectl get pods}) and may
   * be piped into allowed text filters.
   */
  public static ParsedCommand parse(Tool tool, String line) {
    if (line == null || line.isBlank()) {
      throw ToolFailure.validation("command is required, e.g. '" + tool.binary() + " --help'");
    }
    List<List<String>> stages = ShellSplitter.split(line.strip());
    List<String> first = stages.getFirst();
    if (!first.getFirst().equals(tool.binary())) {
      throw ToolFailure.validation(
          "command must start with '"
              + tool.binary()
              + "' (this tool runs "
              + tool.binary()
              + " only), got '"
              + first.getFirst()
              + "'");
    }
    List<List<String>> filters = stages.subList(1, stages.size());
    filters.forEach(TextFilters::check);
    return new ParsedCommand(tool, first.subList(1, first.size()), filters);
  }
}
