package io.mcpoperator.k8stools.command;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/** Turns a command line into a {@link ParsedCommand} for one tool, or rejects it. */
public final class CommandParser {
  /**
   * The longest command accepted, in UTF-8 bytes: far above any real command line, and below what
   * the operating system takes as one argument (128 KiB on Linux) or as a whole argv.
   */
  public static final int MAX_COMMAND_BYTES = 64 * 1024;

  private CommandParser() {}

  /**
   * Parses {@code line}, a command of the tool with or without its name in front ({@code kubectl
   * get pods} and {@code get pods} are the same command), which may be piped into allowed text
   * filters.
   */
  public static ParsedCommand parse(Tool tool, String line) {
    if (line == null || line.isBlank()) {
      throw ToolFailure.validation(
          "command is required, e.g. 'get pods' or '" + tool.binary() + " get pods'");
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
    String head = first.getFirst();
    List<String> args = head.equals(tool.binary()) ? first.subList(1, first.size()) : first;
    if (!head.equals(tool.binary())) {
      rejectOtherProgram(tool, head);
    }
    List<List<String>> filters = stages.subList(1, stages.size());
    filters.forEach(TextFilters::check);
    return new ParsedCommand(tool, args, filters);
  }

  /** A command naming another of the tools, or a program by its path, is a mistake to point out. */
  private static void rejectOtherProgram(Tool tool, String head) {
    Optional<Tool> other = Tool.byName(head).filter(t -> t.binary().equals(head));
    if (other.isPresent()) {
      throw ToolFailure.validation(
          "this tool runs "
              + tool.binary()
              + " only, got a "
              + head
              + " command: send it to the "
              + head
              + " tool (POST /tools/"
              + head
              + ")");
    }
    if (head.contains("/")) {
      throw ToolFailure.validation(
          "command must be "
              + tool.binary()
              + "'s arguments, optionally after '"
              + tool.binary()
              + "'; got the program '"
              + head
              + "'");
    }
  }
}
