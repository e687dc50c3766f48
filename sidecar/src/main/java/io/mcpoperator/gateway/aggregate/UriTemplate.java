package io.mcpoperator.gateway.aggregate;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The RFC 6570 subset the operator writes: level-1 path expressions {@code {id}} and one trailing
 * form-style query expression {@code {?a,b}}. Matching a URI yields each variable's percent-decoded
 * value; query parameters the template does not name are ignored.
 */
public final class UriTemplate {
  private static final Pattern EXPRESSION = Pattern.compile("\\{([^}]*)}");
  private static final Pattern VARIABLE = Pattern.compile("[A-Za-z0-9_]+");
  private final String template;
  private final Pattern path;
  private final List<String> pathVariables;
  private final List<String> queryVariables;

  private UriTemplate(
      String template, Pattern path, List<String> pathVariables, List<String> queryVariables) {
    this.template = template;
    this.path = path;
    this.pathVariables = pathVariables;
    this.queryVariables = queryVariables;
  }

  /**
   * Parses {@code template}.
   *
   * @throws IllegalArgumentException for other RFC 6570 operators, a query expression that is not
   *     last, or a variable name outside {@code [A-Za-z0-9_]}
   */
  public static UriTemplate parse(String template) {
    var regex = new StringBuilder();
    var pathVars = new ArrayList<String>();
    List<String> queryVars = List.of();
    Matcher m = EXPRESSION.matcher(template);
    int last = 0;
    while (m.find()) {
      if (!queryVars.isEmpty()) {
        throw new IllegalArgumentException("the {?...} expression must be last in " + template);
      }
      regex.append(Pattern.quote(template.substring(last, m.start())));
      String expression = m.group(1);
      if (expression.startsWith("?")) {
        queryVars = variables(expression.substring(1), template);
      } else {
        if (expression.contains(",")) {
          throw new IllegalArgumentException("only one variable per path expression: " + template);
        }
        pathVars.add(variables(expression, template).getFirst());
        regex.append("([^/?#]+)");
      }
      last = m.end();
    }
    regex.append(Pattern.quote(template.substring(last)));
    return new UriTemplate(template, Pattern.compile(regex.toString()), pathVars, queryVars);
  }

  private static List<String> variables(String list, String template) {
    var names = List.of(list.split(",", -1));
    for (String name : names) {
      if (!VARIABLE.matcher(name).matches()) {
        throw new IllegalArgumentException(
            "unsupported expression {" + list + "} in URI template " + template);
      }
    }
    return names;
  }

  public String template() {
    return template;
  }

  /** True when the template has no variables: it names exactly one resource. */
  public boolean plain() {
    return pathVariables.isEmpty() && queryVariables.isEmpty();
  }

  /** The variables of {@code uri}, when it matches. */
  public Optional<Map<String, String>> match(String uri) {
    int hash = uri.indexOf('#');
    String noFragment = hash < 0 ? uri : uri.substring(0, hash);
    int question = noFragment.indexOf('?');
    String pathPart = question < 0 ? noFragment : noFragment.substring(0, question);
    Matcher m = path.matcher(pathPart);
    if (!m.matches() || (question >= 0 && queryVariables.isEmpty())) {
      return Optional.empty();
    }
    var values = new HashMap<String, String>();
    for (int i = 0; i < pathVariables.size(); i++) {
      values.put(pathVariables.get(i), decode(m.group(i + 1)));
    }
    if (question >= 0) {
      for (String pair : noFragment.substring(question + 1).split("&")) {
        int eq = pair.indexOf('=');
        String name = decode(eq < 0 ? pair : pair.substring(0, eq));
        if (queryVariables.contains(name)) {
          values.putIfAbsent(name, eq < 0 ? "" : decode(pair.substring(eq + 1)));
        }
      }
    }
    return Optional.of(values);
  }

  private static String decode(String text) {
    return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return template;
  }
}
