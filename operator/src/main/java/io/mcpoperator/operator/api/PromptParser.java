package io.mcpoperator.operator.api;

import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Turns the raw JSON of an MCPPrompt into a {@link Parsed} prompt. Never throws for user input. */
public final class PromptParser {
  /** Longest template the CRD accepts. */
  public static final int MAX_TEMPLATE = 10_000;

  private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

  private PromptParser() {}

  public static Parsed<McpPrompt> parse(JsonObject raw) {
    ResourceMeta meta = McpServerParser.meta(McpServerParser.object(raw, "metadata"));
    try {
      JsonFields spec = new JsonFields(McpServerParser.object(raw, "spec"), "spec");
      String template =
          spec.text("template")
              .filter(t -> !t.isBlank())
              .orElseThrow(() -> spec.invalid("template", "is required: write the prompt text"));
      if (template.length() > MAX_TEMPLATE) {
        throw spec.invalid(
            "template", "is " + template.length() + " characters long; the limit is 10000");
      }
      return new Parsed.Valid<>(
          new McpPrompt(
              meta,
              MemberNames.name(spec, "prompt"),
              spec.string("description").orElse(""),
              template,
              variables(spec)));
    } catch (InvalidSpecException e) {
      return new Parsed.Invalid<>(meta, e.getMessage());
    }
  }

  private static List<McpPrompt.Variable> variables(JsonFields spec) {
    List<McpPrompt.Variable> variables = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (JsonFields variable : spec.objects("variables")) {
      String name = variable.required("name", "name the variable as it appears in {{name}}");
      if (!VARIABLE.matcher(name).matches()) {
        throw variable.invalid(
            "name", "\"" + name + "\" must be letters, digits and '_', not starting with a digit");
      }
      if (!seen.add(name)) {
        throw variable.invalid("name", "declares \"" + name + "\" a second time");
      }
      variables.add(
          new McpPrompt.Variable(
              name,
              variable.string("description").orElse(""),
              variable.bool("required", false),
              variable.text("default")));
    }
    return variables;
  }
}
