package io.mcpoperator.operator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
  private static final InputStream NO_INPUT = InputStream.nullInputStream();

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @Test
  void helpDescribesTheCommands() {
    int code = Main.command(List.of("--help"), NO_INPUT, print(out), print(err));

    assertThat(code).isZero();
    assertThat(text(out)).contains("render").contains("KUBECONFIG").contains("WATCH_NAMESPACES");
  }

  @Test
  void anUnknownArgumentIsAUsageError() {
    int code = Main.command(List.of("--frobnicate"), NO_INPUT, print(out), print(err));

    assertThat(code).isEqualTo(2);
    assertThat(text(err)).contains("unknown argument \"--frobnicate\"").contains("Usage:");
  }

  @Test
  void renderIsDelegatedToTheRenderCommand() {
    int code = Main.command(List.of("render"), NO_INPUT, print(out), print(err));

    assertThat(code).isNotZero();
    assertThat(text(err)).isNotEmpty();
  }

  @Test
  void anUnreachableClusterIsReportedInOneLineAndExitsNonZero(@TempDir Path dir) throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    Path kubeconfig = dir.resolve("config");
    Files.writeString(
        kubeconfig,
        """
        apiVersion: v1
        kind: Config
        clusters:
        - name: gone
          cluster: {server: "http://127.0.0.1:%d"}
        contexts:
        - name: gone
          context: {cluster: gone, user: nobody}
        current-context: gone
        users:
        - name: nobody
          user: {token: "t"}
        """
            .formatted(closedPort));

    int code = Main.runOperator(Map.of("KUBECONFIG", kubeconfig.toString()), print(err));

    assertThat(code).isEqualTo(1);
    assertThat(text(err).strip().lines())
        .singleElement()
        .asString()
        .contains("cannot reach the Kubernetes API server at http://127.0.0.1:" + closedPort)
        .contains("KUBECONFIG");
  }

  @Test
  void noConfiguredClusterSaysWhatToDo() {
    int code = Main.runOperator(Map.of("KUBECONFIG", "/nonexistent/kubeconfig"), print(err));

    assertThat(code).isEqualTo(1);
    assertThat(text(err))
        .contains("KUBECONFIG names /nonexistent/kubeconfig, which does not exist");
  }

  @Test
  void aBadSettingIsReportedBeforeConnecting() {
    int code = Main.runOperator(Map.of("HEALTH_PORT", "eighty"), print(err));

    assertThat(code).isEqualTo(2);
    assertThat(text(err)).contains("HEALTH_PORT");
  }

  private static PrintStream print(ByteArrayOutputStream bytes) {
    return new PrintStream(bytes, true, StandardCharsets.UTF_8);
  }

  private static String text(ByteArrayOutputStream bytes) {
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void hostAndPortRunTheOperatorWithTheHealthListenerMoved() {
    assertThat(Main.serveOptions(List.of(), Map.of("A", "b"))).contains(Map.of("A", "b"));
    assertThat(Main.serveOptions(List.of("--host", "127.0.0.1", "--port=9000"), Map.of()))
        .contains(Map.of("HEALTH_HOST", "127.0.0.1", "HEALTH_PORT", "9000"));
    assertThat(Main.serveOptions(List.of("render", "-f", "x"), Map.of())).isEmpty();
    assertThat(Main.serveOptions(List.of("--port"), Map.of())).isEmpty();
  }

  @Test
  void versionIsPrintedOnStdout() {
    var out = new ByteArrayOutputStream();
    int code =
        Main.command(
            List.of("--version"),
            InputStream.nullInputStream(),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    assertThat(code).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("mcp-operator ");
  }
}
