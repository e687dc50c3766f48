package io.mcpoperator.k8stools.command;

import java.util.List;

/**
 * A command split into words: the tool, its arguments (without the tool's own name) and the text
 * filters its output is piped into, each filter as a word list starting with the filter's name.
 */
public record ParsedCommand(Tool tool, List<String> args, List<List<String>> filters) {
  public ParsedCommand {
    args = List.copyOf(args);
    filters = filters.stream().map(List::copyOf).toList();
  }
}
