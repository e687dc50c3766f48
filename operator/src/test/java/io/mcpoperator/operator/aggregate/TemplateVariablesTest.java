package io.mcpoperator.operator.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcpoperator.operator.api.McpPrompt;
import io.mcpoperator.operator.api.ResourceMeta;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TemplateVariablesTest {

  static Stream<Arguments> templates() {
    return Stream.of(
        Arguments.of("no placeholders", List.of(), List.of()),
        Arguments.of("Hi {{name}}!", List.of("name"), List.of()),
        Arguments.of("{{ a }} {{b}} {{a}}", List.of("a", "b"), List.of()),
        Arguments.of("{{_x1}}{{ y_2 }}", List.of("_x1", "y_2"), List.of()),
        Arguments.of(
            "{{user-name}} and {{ 1st }}", List.of(), List.of("{{user-name}}", "{{ 1st }}")),
        Arguments.of("{{}} {{ok}}", List.of("ok"), List.of("{{}}")),
        Arguments.of("single {brace} and }} alone", List.of(), List.of()),
        Arguments.of("multi\n{{\n  line\n}}", List.of("line"), List.of()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("templates")
  void findsVariablesAndMalformedPlaceholders(
      String template, List<String> used, List<String> malformed) {
    TemplateVariables.Analysis analysis = TemplateVariables.analyze(template);

    assertThat(analysis.used()).isEqualTo(used);
    assertThat(analysis.malformed()).isEqualTo(malformed);
  }

  static Stream<Arguments> prompts() {
    return Stream.of(
        Arguments.of("{{a}} {{b}}", "a,b", true, "TemplateValid", "2 variables declared"),
        Arguments.of("plain", "", true, "TemplateValid", "0 variables declared"),
        Arguments.of(
            "{{a}} {{c}} {{d}}",
            "a,b",
            false,
            "UndeclaredVariables",
            "not declared in spec.variables: c, d; declared but unused: b"),
        Arguments.of("{{a}}", "a,b,c", false, "UnusedVariables", "never uses: b, c"),
        Arguments.of(
            "{{a}} {{a-b}}", "a", false, "MalformedPlaceholders", "not {{variable}}: {{a-b}}"));
  }

  @ParameterizedTest(name = "{0} with [{1}] → {3}")
  @MethodSource("prompts")
  void templateValidSaysWhichNamesDisagree(
      String template, String declared, boolean ok, String reason, String message) {
    List<McpPrompt.Variable> variables =
        Arrays.stream(declared.split(","))
            .filter(n -> !n.isEmpty())
            .map(n -> new McpPrompt.Variable(n, "", false, Optional.empty()))
            .toList();
    McpPrompt prompt = new McpPrompt(meta(), "p", "", template, variables);

    Check check = PromptEvaluator.check(prompt);

    assertThat(check.type()).isEqualTo("TemplateValid");
    assertThat(check.ok()).isEqualTo(ok);
    assertThat(check.reason()).isEqualTo(reason);
    assertThat(check.message()).contains(message);
  }

  private static ResourceMeta meta() {
    return new ResourceMeta("ns", "p", "", 1, "", null, null, null);
  }
}
