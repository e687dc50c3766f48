package io.mcpoperator.k8stools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.mcpoperator.mcp.jsonrpc.Json;
import io.mcpoperator.testsupport.ReadmeCommand;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * docs/image-server.md's "Run it" lines, run as written in a clean shell (no JAVA_HOME, JDK 17
 * first on PATH) from the repository root: the launcher, then each curl line, whose answers must be
 * what the lines' comments say. Substituted, because a test must: the port when 9096 is busy,
 * HOST=127.0.0.1 (the documented fallback of --host) so nothing listens beyond loopback, and HOME,
 * whose ~/.kube/config names a cluster at a closed loopback port (there is no cluster here), so the
 * kubectl line shows that the kubeconfig sent in X-Kubeconfig is the one kubectl used.
 */
class DocLinesIT {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  @Test
  void theRunItLinesWorkAsWritten() throws Exception {
    List<String> lines =
        ReadmeCommand.linesIn(ROOT.resolve("docs/image-server.md"), "image-server-lines");
    assertThat(lines).hasSize(5);
    // The first line is the build that produced the launcher this test runs.
    assertThat(lines.get(0)).isEqualTo("./mvnw -B -pl image-server -am package -DskipTests");
    assertThat(lines.get(1))
        .isEqualTo("image-server/target/mcp-k8s-server/bin/mcp-k8s-server --port 9096");
    int port = ReadmeCommand.documentedOrFree(9096);
    int closed = closedPort();
    Path home = homeWithKubeconfig(closed);
    Map<String, String> env = Map.of("HOST", "127.0.0.1", "HOME", home.toString());
    Path out = Files.createTempFile("server-out", ".txt");
    Path err = Files.createTempFile("server-err", ".txt");
    Process server = ReadmeCommand.start(at(port, lines.get(1)), ROOT, null, env, out, err);
    try {
      String health = awaitHealth(at(port, lines.get(2)), env, server, err);
      assertThat(Json.parse(health).asJsonObject().getString("status")).isEqualTo("UP");
      assertThat(health).contains("\"version\":\"");

      JsonObject status = Json.parse(curl(at(port, lines.get(3)), env)).asJsonObject();
      assertThat(status.getJsonArray("tools").getValuesAs(JsonObject.class))
          .extracting(tool -> tool.getString("name"))
          .containsExactly("kubectl", "helm", "istioctl", "argocd");

      JsonObject kubectl = status.getJsonArray("tools").getJsonObject(0);
      assumeTrue(
          kubectl.getBoolean("installed"),
          "the doc's kubectl line not run: no kubectl on PATH (apt install kubernetes-client)");
      JsonObject answer = Json.parse(curl(at(port, lines.get(4)), env)).asJsonObject();
      assertThat(answer.getBoolean("success")).isFalse();
      assertThat(answer.getInt("exit_code")).isEqualTo(1);
      assertThat(answer.getString("error"))
          .as("kubectl used the kubeconfig sent in X-Kubeconfig")
          .contains("127.0.0.1:" + closed)
          .contains("refused");
    } finally {
      ReadmeCommand.stopTree(server);
      Files.delete(out);
      Files.delete(err);
    }
  }

  private static String at(int port, String line) {
    return line.replace("9096", String.valueOf(port));
  }

  private static String awaitHealth(String line, Map<String, String> env, Process server, Path err)
      throws Exception {
    var body = new java.util.concurrent.atomic.AtomicReference<String>("");
    await()
        .alias("the server answers /health")
        .atMost(java.time.Duration.ofSeconds(30))
        .pollInterval(java.time.Duration.ofMillis(100))
        .until(
            () -> {
              assertThat(server.isAlive()).as("stderr: %s", Files.readString(err)).isTrue();
              body.set(curl(line, env));
              return !body.get().isEmpty();
            });
    return body.get();
  }

  private static String curl(String line, Map<String, String> env) throws Exception {
    Path out = Files.createTempFile("curl-out", ".txt");
    Path err = Files.createTempFile("curl-err", ".txt");
    try {
      Process curl = ReadmeCommand.start(line, ROOT, null, env, out, err);
      assertThat(curl.waitFor(60, TimeUnit.SECONDS)).as("curl ends: %s", line).isTrue();
      return Files.readString(out);
    } finally {
      Files.delete(out);
      Files.delete(err);
    }
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static Path homeWithKubeconfig(int port) throws IOException {
    Path home = Files.createTempDirectory("home");
    Files.createDirectories(home.resolve(".kube"));
    Files.writeString(
        home.resolve(".kube/config"),
        """
        apiVersion: v1
        kind: Config
        clusters:
        - name: none
          cluster: {server: "https://127.0.0.1:%d"}
        contexts:
        - name: none
          context: {cluster: none, user: u, namespace: default}
        current-context: none
        users:
        - name: u
          user: {token: not-a-real-token}
        """
            .formatted(port));
    return home;
  }
}
