package io.mcpoperator.operator.api;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Paths with {@code {name}} placeholders, such as {@code /customers/{id}/orders}. */
public final class PathTemplate {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]+");

  private PathTemplate() {}

  /**
   * The placeholder names in order of appearance (repeats kept).
   *
   * @throws IllegalArgumentException when a brace is unbalanced or a name is empty or malformed
   */
  public static List<String> placeholders(String path) {
    List<String> names = new ArrayList<>();
    Matcher m = PLACEHOLDER.matcher(path);
    int last = 0;
    while (m.find()) {
      requireNoBraces(path.substring(last, m.start()), path);
      if (!NAME.matcher(m.group(1)).matches()) {
        throw new IllegalArgumentException(
            "placeholder {" + m.group(1) + "} in " + path + " must be letters, digits, _ . or -");
      }
      names.add(m.group(1));
      last = m.end();
    }
    requireNoBraces(path.substring(last), path);
    return names;
  }

  /** The path with each placeholder's name replaced by {@code rename}'s result. */
  public static String rename(String path, UnaryOperator<String> rename) {
    return PLACEHOLDER
        .matcher(path)
        .replaceAll(m -> Matcher.quoteReplacement("{" + rename.apply(m.group(1)) + "}"));
  }

  /**
   * The URI-template variable of a parameter: its name with every character other than letters,
   * digits and {@code _} replaced by {@code _} (RFC 6570 variable names allow no {@code -}).
   */
  public static String variable(String name) {
    return name.replaceAll("[^A-Za-z0-9_]", "_");
  }

  /** The path with every placeholder written {@code {}}: equal shapes match the same URIs. */
  static String shape(String path) {
    return PLACEHOLDER.matcher(path).replaceAll("{}");
  }

  private static void requireNoBraces(String literal, String path) {
    if (literal.indexOf('{') >= 0 || literal.indexOf('}') >= 0) {
      throw new IllegalArgumentException("unbalanced { or } in " + path);
    }
  }
}
