package io.mcpoperator.operator.aggregate;

import io.mcpoperator.operator.api.McpPrompt;
import io.mcpoperator.operator.api.Parsed;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Validates an MCPPrompt: {@code TemplateValid} holds when every placeholder is a declared variable
 * and every declared variable is used (reasons TemplateValid, UndeclaredVariables, UnusedVariables,
 * MalformedPlaceholders; messages list the names).
 */
public final class PromptEvaluator {
  static final String TEMPLATE_VALID = "TemplateValid";

  private PromptEvaluator() {}

  public static Evaluated<PromptEntry> evaluate(Parsed<McpPrompt> parsed) {
    return switch (parsed) {
      case Parsed.Invalid<McpPrompt> invalid ->
          Evaluated.invalid(invalid.meta(), invalid.message());
      case Parsed.Valid<McpPrompt> valid ->
          Evaluated.of(
              valid.meta(), List.of(check(valid.value())), () -> new PromptEntry(valid.value()));
    };
  }

  static Check check(McpPrompt prompt) {
    TemplateVariables.Analysis analysis = TemplateVariables.analyze(prompt.template());
    Set<String> declared =
        prompt.variables().stream()
            .map(McpPrompt.Variable::name)
            .collect(Collectors.toCollection(LinkedHashSet::new));
    List<String> undeclared = analysis.used().stream().filter(v -> !declared.contains(v)).toList();
    List<String> unused = declared.stream().filter(v -> !analysis.used().contains(v)).toList();
    if (!analysis.malformed().isEmpty()) {
      return Check.failed(
          TEMPLATE_VALID,
          "MalformedPlaceholders",
          "spec.template has placeholders that are not {{variable}}: "
              + String.join(", ", analysis.malformed())
              + "; variable names are letters, digits and _");
    }
    if (!undeclared.isEmpty()) {
      return Check.failed(
          TEMPLATE_VALID,
          "UndeclaredVariables",
          "spec.template uses variables not declared in spec.variables: "
              + String.join(", ", undeclared)
              + (unused.isEmpty() ? "" : "; declared but unused: " + String.join(", ", unused)));
    }
    if (!unused.isEmpty()) {
      return Check.failed(
          TEMPLATE_VALID,
          "UnusedVariables",
          "spec.variables declares variables the template never uses: "
              + String.join(", ", unused));
    }
    return Check.ok(
        TEMPLATE_VALID, declared.size() + " variables declared, each used in spec.template");
  }
}
