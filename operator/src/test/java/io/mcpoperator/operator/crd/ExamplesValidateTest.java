package io.mcpoperator.operator.crd;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every MCP resource we ship (examples/, the CSV's alm-examples) is valid against its CRD. */
class ExamplesValidateTest {

  static Stream<McpDocuments.Source> shipped() {
    return Stream.concat(McpDocuments.examples(), McpDocuments.almExamples());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("shipped")
  void validatesAgainstItsCrd(McpDocuments.Source source) {
    assertThat(source.doc().get("apiVersion")).isEqualTo(McpDocuments.API_VERSION);
    assertThat(Crd.all()).containsKey(source.kind());

    assertThat(CrdJsonSchema.of(Crd.of(source.kind())).validate(source.doc())).isEmpty();
  }

  @Test
  void almExamplesShowEveryKind() {
    assertThat(McpDocuments.almExamples().map(McpDocuments.Source::kind))
        .containsAll(Crd.all().keySet());
  }

  @Test
  void examplesExist() {
    assertThat(McpDocuments.examples().filter(s -> s.kind().equals("MCPServer")).count())
        .isGreaterThanOrEqualTo(5);
  }
}
