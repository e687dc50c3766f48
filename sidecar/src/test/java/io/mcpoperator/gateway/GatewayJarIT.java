package io.mcpoperator.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.mcpoperator.gateway.testing.TestPeers;
import io.mcpoperator.testsupport.AppDirectory;
import io.mcpoperator.testsupport.DocumentedCommands;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The packaged gateway jar's command line as a user meets it: help, version, bad options. */
class GatewayJarIT {
  private static final Path JAR = Path.of("target", "mcp-gateway.jar");

  private record Run(int exit, String out, String err) {}

  private static Run run(String... args) throws IOException, InterruptedException {
    assertThat(JAR).exists();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of("-jar", JAR.toString()));
    command.addAll(List.of(args));
    Path out = Files.createTempFile("gw-out", ".txt");
    Path err = Files.createTempFile("gw-err", ".txt");
    try {
      Process p =
          new ProcessBuilder(command)
              .redirectOutput(out.toFile())
              .redirectError(err.toFile())
              .start();
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("exits").isTrue();
      return new Run(
          p.exitValue(),
          Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } finally {
      Files.delete(out);
      Files.delete(err);
    }
  }

  @Test
  void helpGoesToStdoutWithExitZero() throws Exception {
    for (String flag : List.of("--help", "-h")) {
      Run run = run(flag);
      assertThat(run.exit()).as(flag).isZero();
      assertThat(run.out()).startsWith("Usage: mcp-gateway").contains("--host ADDRESS");
      assertThat(run.err()).isEmpty();
    }
  }

  @Test
  void versionIsTheBuildsVersion() throws Exception {
    Run run = run("--version");
    assertThat(run.exit()).isZero();
    assertThat(run.out().strip()).matches("mcp-gateway \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
    assertThat(run("-V").out()).isEqualTo(run.out());
  }

  @Test
  void anUnknownOptionIsNamedWithExitTwo() throws Exception {
    Run run = run("--colour", "red");
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("unknown option --colour").contains("Usage:");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void theLauncherDirectoryRunsAnywhereWithJdk17FirstOnPath() throws Exception {
    AppDirectory app = AppDirectory.copyOf("mcp-gateway");

    AppDirectory.Run version = app.run(Map.of(), "--version");
    AppDirectory.Run help = app.run(Map.of(), "--help");

    assertThat(version.exit()).as(version.err()).isZero();
    assertThat(version.out().strip()).isEqualTo(run("--version").out().strip());
    assertThat(help.exit()).isZero();
    assertThat(help.out()).contains("--host ADDRESS");
  }

  @Test
  void theReadmeQuickStartAnswersInitializeInACleanShellWithJdk17FirstOnPath() throws Exception {
    var node = TestPeers.node();
    assumeTrue(
        node.isPresent() && Files.exists(TestPeers.serverEverything()),
        "server-everything missing: run bash hack/install-test-peers.sh (or set MCP_TEST_NPM_DIR)");
    Path root = Path.of("..").toAbsolutePath().normalize();
    Matcher line =
        Pattern.compile("`(sidecar/target/mcp-gateway/bin/mcp-gateway [^`]*)`")
            .matcher(Files.readString(root.resolve("README.md")));
    assertThat(line.find()).as("README.md runs the gateway through its launcher").isTrue();
    String upstream = "npx -y @modelcontextprotocol/server-everything";
    assertThat(line.group(1)).contains("--port 8090", upstream);
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    // The README's line, on a free port and with the installed server-everything instead of npx
    // fetching it (no network in the build).
    String command =
        line.group(1)
            .replace("--port 8090", "--port " + port)
            .replace(upstream, node.get() + " " + TestPeers.serverEverything() + " stdio");
    Path out = Files.createTempFile("quick-out", ".txt");
    Path err = Files.createTempFile("quick-err", ".txt");
    Process gateway =
        AppDirectory.cleanStart(List.of("sh", "-c", "exec " + command), root, Map.of(), out, err);
    try (HttpClient http = HttpClient.newHttpClient()) {
      HttpRequest initialize =
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/mcp"))
              .header("Content-Type", "application/json")
              .header("Accept", "application/json, text/event-stream")
              .POST(
                  HttpRequest.BodyPublishers.ofString(
                      "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
                          + "{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},"
                          + "\"clientInfo\":{\"name\":\"readme\",\"version\":\"1\"}}}"))
              .build();
      HttpResponse<String> answer = null;
      for (int i = 0; i < 600 && gateway.isAlive(); i++) {
        try {
          answer = http.send(initialize, HttpResponse.BodyHandlers.ofString());
          if (answer.statusCode() == 200) {
            break;
          }
        } catch (IOException notYet) {
          // not listening yet
        }
        Thread.sleep(100);
      }
      assertThat(answer).as("the gateway answered; stderr: %s", Files.readString(err)).isNotNull();
      assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
      assertThat(answer.body()).contains("serverInfo");
    } finally {
      gateway.destroy();
      gateway.waitFor(10, TimeUnit.SECONDS);
      Files.delete(out);
      Files.delete(err);
    }
  }

  @Test
  void everyDocumentedLauncherCommandUsesOptionsItsHelpNames() throws Exception {
    Path root = Path.of("..").toAbsolutePath().normalize();
    String launcher = "sidecar/target/mcp-gateway/bin/mcp-gateway";
    List<DocumentedCommands.Command> calls = DocumentedCommands.in(root).invocations(launcher);
    assertThat(calls)
        .extracting(DocumentedCommands.Command::text)
        .contains(launcher + " --fifo-dir /var/run/mcp-stdio");
    String usage = DocumentedCommands.help(root, launcher);
    DocumentedCommands.assertOptionsNamed(calls, call -> usage);
  }
}
