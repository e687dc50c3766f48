package io.mcpoperator.operator.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class CrdSchemasTest {
  static final Path CRDS = Path.of("../crds");

  @Test
  void theJarCarriesEveryCrdOfCrdsUnchanged() throws IOException {
    List<String> files;
    try (Stream<Path> list = Files.list(CRDS)) {
      files =
          list.map(p -> p.getFileName().toString())
              .filter(n -> n.startsWith("mcpoperator.io_") && n.endsWith(".yaml"))
              .sorted()
              .toList();
    }

    assertThat(files)
        .as("CrdSchemas.PLURALS names the CRDs of crds/")
        .isEqualTo(
            CrdSchemas.PLURALS.stream()
                .map(p -> "mcpoperator.io_" + p + ".yaml")
                .sorted()
                .toList());
    for (String file : files) {
      try (InputStream embedded = CrdSchemas.class.getResourceAsStream("/crds/" + file)) {
        assertThat(embedded).as(file).isNotNull();
        assertThat(embedded.readAllBytes())
            .as(file)
            .isEqualTo(Files.readAllBytes(CRDS.resolve(file)));
      }
    }
  }

  @Test
  void kindsAndVersionsComeFromTheCrds() {
    CrdSchemas schemas = CrdSchemas.embedded();

    assertThat(schemas.kinds())
        .containsExactly("MCPPrompt", "MCPRegistry", "MCPResource", "MCPServer", "MCPTool");
    assertThat(schemas.lookup("mcpoperator.io/v1alpha1", "MCPTool").version()).isPresent();
    assertThat(schemas.lookup("mcpoperator.io", "MCPTool").problem())
        .isEqualTo(
            "apiVersion \"mcpoperator.io\" is not served for MCPTool (use mcpoperator.io/v1alpha1)");
    assertThat(schemas.lookup("mcpoperator.io/v1alpha1", "McpServer").problem())
        .startsWith("unknown kind \"McpServer\" in mcpoperator.io");
  }

  @Test
  void onlyTheGroupItselfIsOurs() {
    assertThat(CrdSchemas.inGroup("mcpoperator.io/v1alpha1")).isTrue();
    assertThat(CrdSchemas.inGroup("mcpoperator.io")).isTrue();
    assertThat(CrdSchemas.inGroup("mcpoperator.io.example.com/v1")).isFalse();
    assertThat(CrdSchemas.inGroup("v1")).isFalse();
  }
}
