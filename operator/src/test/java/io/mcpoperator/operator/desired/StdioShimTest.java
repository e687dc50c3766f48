package io.mcpoperator.operator.desired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shim written into the ConfigMap, run with the machine's {@code /bin/sh}. */
class StdioShimTest {
  @TempDir Path dir;

  @BeforeAll
  static void needsPosixShell() {
    assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "no /bin/sh");
  }

  @Test
  void connectsTheServersStdinAndStdoutToTheFifos() throws Exception {
    Process server = shim("tr", "a-z", "A-Z");
    try {
      await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(dir.resolve("out")));
      try (OutputStream in = Files.newOutputStream(dir.resolve("in"))) {
        in.write("{\"jsonrpc\":\"2.0\"}\n".getBytes(StandardCharsets.UTF_8));
      }
      try (BufferedReader out = Files.newBufferedReader(dir.resolve("out"))) {
        assertThat(out.readLine()).isEqualTo("{\"JSONRPC\":\"2.0\"}");
      }
      assertThat(server.waitFor(10, TimeUnit.SECONDS)).isTrue();
      assertThat(server.exitValue()).isZero();
      assertThat(Files.isRegularFile(dir.resolve("in"))).isFalse();
    } finally {
      server.destroy();
    }
  }

  @Test
  void withoutCommandItExplainsWhatIsMissing() throws Exception {
    Process shim = shim();

    assertThat(shim.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(shim.exitValue()).isEqualTo(64);
    assertThat(new String(shim.getErrorStream().readAllBytes(), StandardCharsets.UTF_8))
        .contains("no command given; set spec.command");
  }

  private Process shim(String... command) throws IOException {
    Path script = dir.resolve("shim.sh");
    Files.writeString(script, StdioShim.SCRIPT);
    List<String> args = new java.util.ArrayList<>(List.of("/bin/sh", script.toString()));
    args.addAll(List.of(command));
    ProcessBuilder builder = new ProcessBuilder(args);
    builder.environment().put("MCP_STDIO_DIR", dir.toString());
    return builder.start();
  }
}
