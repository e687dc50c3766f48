package io.mcpoperator.k8stools.command;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a command line the way a POSIX shell splits words, without ever running a shell.
 *
 * <p>Single quotes keep everything literally; double quotes keep everything but {@code \"}, {@code
 * \\}, {@code \$} and {@code \`}; a backslash outside quotes escapes the next character. An
 * unquoted {@code |} separates pipeline stages. Everything a shell would interpret (command
 * separators, redirections, substitutions, variables, subshells, background jobs) is rejected,
 * because this server does not provide it and silently passing it on would surprise the caller.
 */
public final class ShellSplitter {
  private ShellSplitter() {}

  /** Returns the pipeline stages, each a non-empty list of words. */
  public static List<List<String>> split(String line) {
    List<List<String>> stages = new ArrayList<>();
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean inWord = false;
    int i = 0;
    while (i < line.length()) {
      char c = line.charAt(i);
      switch (c) {
        case ' ', '\t' -> {
          if (inWord) {
            words.add(word.toString());
            word.setLength(0);
            inWord = false;
          }
          i++;
        }
        case '\'' -> {
          int end = line.indexOf('\'', i + 1);
          if (end < 0) {
            throw ToolFailure.validation("unterminated single quote in command");
          }
          word.append(line, i + 1, end);
          inWord = true;
          i = end + 1;
        }
        case '"' -> {
          i = doubleQuoted(line, i + 1, word);
          inWord = true;
        }
        case '\\' -> {
          if (i + 1 >= line.length()) {
            throw ToolFailure.validation("command ends with a lone backslash");
          }
          word.append(line.charAt(i + 1));
          inWord = true;
          i += 2;
        }
        case '|' -> {
          if (i + 1 < line.length() && line.charAt(i + 1) == '|') {
            throw unsupported("'||'");
          }
          if (inWord) {
            words.add(word.toString());
            word.setLength(0);
            inWord = false;
          }
          stages.add(stage(words));
          words = new ArrayList<>();
          i++;
        }
        case '$' -> {
          rejectExpansion(line, i);
          word.append(c);
          inWord = true;
          i++;
        }
        default -> {
          rejectOperator(c);
          word.append(c);
          inWord = true;
          i++;
        }
      }
    }
    if (inWord) {
      words.add(word.toString());
    }
    stages.add(stage(words));
    return List.copyOf(stages);
  }

  private static int doubleQuoted(String line, int start, StringBuilder word) {
    int i = start;
    while (i < line.length()) {
      char c = line.charAt(i);
      if (c == '"') {
        return i + 1;
      }
      if (c == '\\' && i + 1 < line.length() && "\"\\$`".indexOf(line.charAt(i + 1)) >= 0) {
        word.append(line.charAt(i + 1));
        i += 2;
        continue;
      }
      if (c == '`') {
        throw unsupported("command substitution with backticks");
      }
      if (c == '$') {
        rejectExpansion(line, i);
      }
      word.append(c);
      i++;
    }
    throw ToolFailure.validation("unterminated double quote in command");
  }

  private static void rejectExpansion(String line, int dollar) {
    if (dollar + 1 >= line.length()) {
      return;
    }
    char next = line.charAt(dollar + 1);
    if (next == '(') {
      throw unsupported("command substitution '$(...)'");
    }
    if (next == '{'
        || next == '_'
        || Character.isLetterOrDigit(next)
        || "?!#*@$-".indexOf(next) >= 0) {
      throw unsupported(
          "shell variable expansion ('$" + next + "...'); quote it with single quotes");
    }
  }

  private static void rejectOperator(char c) {
    switch (c) {
      case ';' -> throw unsupported("';' (command separator)");
      case '&' -> throw unsupported("'&' ('&&' or a background job)");
      case '>', '<' -> throw unsupported("redirection '" + c + "'");
      case '`' -> throw unsupported("command substitution with backticks");
      case '(', ')' -> throw unsupported("subshell parentheses");
      case '\n', '\r' -> throw unsupported("a line break (several commands)");
      default -> {}
    }
  }

  private static List<String> stage(List<String> words) {
    if (words.isEmpty()) {
      throw ToolFailure.validation("empty command or empty pipeline stage around '|'");
    }
    return List.copyOf(words);
  }

  private static ToolFailure unsupported(String what) {
    return ToolFailure.validation(
        what
            + " is not supported: commands run without a shell; send one command, optionally"
            + " piped into grep, head, tail, wc, sort or jq");
  }
}
