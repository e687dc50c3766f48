package io.mcpoperator.operator.desired;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcpoperator.operator.render.RenderCommand;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The children of representative MCPServers, as YAML, against golden files. */
class DesiredChildrenGoldenTest {
  static final List<String> CASES =
      List.of(
          "stdio-minimal",
          "stdio-secrets-volumes",
          "http-ha",
          "sse",
          "aggregation-only",
          "security-overrides",
          "protected-oidc",
          "protected-bearer");

  @ParameterizedTest
  @ValueSource(
      strings = {
        "stdio-minimal",
        "stdio-secrets-volumes",
        "http-ha",
        "sse",
        "aggregation-only",
        "security-overrides",
        "protected-oidc",
        "protected-bearer"
      })
  void rendersAsInGoldenFile(String name) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit =
        RenderCommand.run(
            List.of("-f", Golden.DIR.resolve("input/" + name + ".yaml").toString()),
            InputStream.nullInputStream(),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));

    assertThat(err.toString(StandardCharsets.UTF_8)).doesNotContain("render: error:");
    assertThat(exit).isZero();
    Golden.assertMatches(Golden.DIR.resolve(name + ".yaml"), out.toString(StandardCharsets.UTF_8));
  }
}
