package io.mcpoperator.operator.aggregate;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The placeholders of a prompt template. {@code {{name}}} (spaces inside the braces allowed) is a
 * variable when {@code name} is letters, digits and {@code _}, not starting with a digit; any other
 * {@code {{...}}} is malformed. The gateway substitutes with the same rule.
 */
public final class TemplateVariables {
  /** The placeholder syntax the gateway substitutes. */
  public static final Pattern VARIABLE =
      Pattern.compile("\\{\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}}");

  private static final Pattern ANY = Pattern.compile("\\{\\{(.*?)}}", Pattern.DOTALL);

  private TemplateVariables() {}

  /**
   * What a template uses.
   *
   * @param used variable names, each once, in order of first appearance
   * @param malformed placeholders that are not variables, as written
   */
  public record Analysis(List<String> used, List<String> malformed) {
    public Analysis {
      used = List.copyOf(used);
      malformed = List.copyOf(malformed);
    }
  }

  public static Analysis analyze(String template) {
    Set<String> used = new LinkedHashSet<>();
    List<String> malformed = new ArrayList<>();
    Matcher any = ANY.matcher(template);
    while (any.find()) {
      Matcher variable = VARIABLE.matcher(any.group());
      if (variable.matches()) {
        used.add(variable.group(1));
      } else {
        malformed.add(any.group());
      }
    }
    return new Analysis(List.copyOf(used), malformed);
  }
}
