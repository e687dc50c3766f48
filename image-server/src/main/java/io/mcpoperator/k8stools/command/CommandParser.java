package io.mcpoperator.k8stools.command;

import io.mcpoperator.k8stools.service.ToolFailure;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Turns a command line into a {@link ParsedCommand} for one tool, or rejects it. */
public final class CommandParser {
  /**
   * The longest command accepted, in UTF-8 bytes: far above any real command line, and below what
   * the operating system takes as one argument (128 KiB on Linux) or as a whole argv.
   */
  public static final int MAX_COMMAND_BYTES = 64 * 1024;

  private CommandParser() {}

  /**
   * Parses {@code line}, which must start with the tool's name ({@code kubectl get pods}) and may
   * be piped into allowed text filters.
   */
  public static ParsedCommand parse(Tool tool, String line) {
    if (line == null || line.isBlank()) {
      throw ToolFailure.validation("command is required, e.g. '" + tool.binary() + " --help'");
    }
    int bytes = line.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > MAX_COMMAND_BYTES) {
      throw ToolFailure.validation(
          "command is too long: "
              + bytes
              + " bytes, at most "
              + MAX_COMMAND_BYTES
              + " are accepted; pass large content through a URL or the cluster instead");
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
