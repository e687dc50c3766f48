package io.mcpoperator.operator.crd;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Table-driven schema cases in {@code src/test/resources/crd/}: {@code valid.yaml} must pass, every
 * document of {@code invalid.yaml} must fail with the error its annotation names.
 */
class SchemaCasesTest {
  private static final String EXPECT = "test.mcpoperator.io/expect";

  static Stream<McpDocuments.Source> valid() {
    return cases("valid.yaml");
  }

  static Stream<McpDocuments.Source> invalid() {
    return cases("invalid.yaml");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("valid")
  void accepted(McpDocuments.Source source) {
    assertThat(validate(source.doc())).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalid")
  void rejectedWithTheExpectedError(McpDocuments.Source source) {
    String expected = YamlTree.string(source.doc(), "metadata", "annotations", EXPECT);

    assertThat(expected).as("annotation %s", EXPECT).isNotBlank();
    assertThat(validate(source.doc()))
        .as("fails, and only for the reason under test")
        .isNotEmpty()
        .allSatisfy(error -> assertThat(error).contains(expected));
  }

  @Test
  void promptTemplateIsAtMostTenThousandCharacters() {
    Map<String, Object> prompt = prompt("x".repeat(10_000));
    Map<String, Object> tooLong = prompt("x".repeat(10_001));

    assertThat(validate(prompt)).isEmpty();
    assertThat(validate(tooLong))
        .containsExactly("$.spec.template: must be at most 10,000 characters long");
  }

  private static Map<String, Object> prompt(String template) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("apiVersion", McpDocuments.API_VERSION);
    doc.put("kind", "MCPPrompt");
    doc.put("metadata", Map.of("name", "long"));
    doc.put("spec", Map.of("name", "long", "template", template));
    return doc;
  }

  private static List<String> validate(Map<String, Object> doc) {
    return CrdJsonSchema.of(Crd.of(YamlTree.string(doc, "kind"))).validate(doc);
  }

  private static Stream<McpDocuments.Source> cases(String file) {
    Path path = ProjectFiles.resolve("operator/src/test/resources/crd").resolve(file);
    return YamlTree.documents(path).stream().map(doc -> new McpDocuments.Source(file, doc));
  }
}
