package io.mcpoperator.operator.docs;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Text for GitHub-flavoured Markdown table cells: prose escaped, code spans fenced safely. */
final class Markdown {
  private static final Pattern BACKTICKS = Pattern.compile("`+");

  private Markdown() {}

  /**
   * Prose for a table cell: whitespace collapsed to one line; {@code |} escaped (it ends a cell),
   * {@code <} and {@code >} as entities (GitHub would take {@code <port>} for an HTML tag and hide
   * it), {@code *} and {@code \} escaped.
   */
  static String text(String s) {
    return s.strip()
        .replaceAll("\\s+", " ")
        .replace("\\", "\\\\")
        .replace("|", "\\|")
        .replace("*", "\\*")
        .replace("<", "&lt;")
        .replace(">", "&gt;");
  }

  /** A sentence: {@link #text} ending with a full stop. */
  static String sentence(String s) {
    String t = text(s);
    return t.isEmpty() || t.matches(".*[.!?]$") ? t : t + ".";
  }

  /**
   * A code span of {@code s}, delimited by one more backtick than its longest run of backticks
   * (padded with spaces when it starts or ends with one). {@code |} is escaped: in a table GitHub
   * splits cells before reading code spans, and shows {@code \|} as {@code |}.
   */
  static String code(String s) {
    int longest = 0;
    Matcher m = BACKTICKS.matcher(s);
    while (m.find()) {
      longest = Math.max(longest, m.group().length());
    }
    String fence = "`".repeat(longest + 1);
    String pad = s.startsWith("`") || s.endsWith("`") ? " " : "";
    return fence + pad + s.replace("|", "\\|") + pad + fence;
  }

  /** A YAML value as compact JSON (strings quoted), for defaults that are objects or lists. */
  static String json(Object value) {
    if (value instanceof Map<?, ?> map) {
      return map.entrySet().stream()
          .map(e -> json(String.valueOf(e.getKey())) + ":" + json(e.getValue()))
          .collect(Collectors.joining(",", "{", "}"));
    }
    if (value instanceof List<?> list) {
      return list.stream().map(Markdown::json).collect(Collectors.joining(",", "[", "]"));
    }
    if (value instanceof String s) {
      return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
    return String.valueOf(value);
  }

  /** A default or enum value as users write it: strings bare (empty as {@code ""}), else JSON. */
  static String value(Object value) {
    if (value instanceof String s) {
      return code(s.isEmpty() ? "\"\"" : s);
    }
    return code(json(value));
  }

  /** One table row. */
  static String row(List<String> cells) {
    return "| " + String.join(" | ", cells) + " |\n";
  }

  /** A table header with its separator line. */
  static String header(List<String> titles) {
    return row(titles) + row(titles.stream().map(t -> "---").toList());
  }
}
