package io.mcpoperator.k8stools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mcpoperator.testsupport.AppDirectory;
import io.mcpoperator.testsupport.DocumentedCommands;
import io.mcpoperator.testsupport.ReadmeCommand;
import java.io.IOException;
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
import org.junit.jupiter.api.Test;

/** The packaged jar run as a user runs it: help, version and bad options, with exit codes. */
class ServerJarIT {
  private static final Path JAR = Path.of("target", "mcp-k8s-server.jar");

  private record Run(int exit, String out, String err) {}

  private static Run run(String... args) throws IOException, InterruptedException {
    assertThat(JAR).exists();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of("-jar", JAR.toString()));
    command.addAll(List.of(args));
    Path out = Files.createTempFile("jar-out", ".txt");
    Path err = Files.createTempFile("jar-err", ".txt");
    Process p =
        new ProcessBuilder(command)
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("exits").isTrue();
    Run run =
        new Run(
            p.exitValue(),
            Files.readString(out, StandardCharsets.UTF_8),
            Files.readString(err, StandardCharsets.UTF_8));
    Files.delete(out);
    Files.delete(err);
    return run;
  }

  @Test
  void helpPrintsTheUsageOnStdoutAndExitsZero() throws Exception {
    for (String flag : List.of("--help", "-h")) {
      Run run = run(flag);
      assertThat(run.exit()).as(flag).isZero();
      assertThat(run.out())
          .startsWith("Usage: mcp-k8s-server")
          .contains("--port <port>")
          .contains("K8S_TOOLS_MODE")
          .contains("--version");
      assertThat(run.err()).as(flag + " writes nothing else").isEmpty();
    }
  }

  @Test
  void versionPrintsTheBuildsVersion() throws Exception {
    Run run = run("--version");
    assertThat(run.exit()).isZero();
    assertThat(run.out().strip()).matches("mcp-k8s-server \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
    assertThat(run("-V").out()).isEqualTo(run.out());
  }

  @Test
  void badOptionsAreNamedWithExitTwoAndAPointerToHelp() throws Exception {
    Run unknown = run("--colour", "red");
    assertThat(unknown.exit()).isEqualTo(2);
    assertThat(unknown.err()).contains("unknown option --colour").contains("--help");
    assertThat(unknown.out()).isEmpty();

    Run missing = run("--port");
    assertThat(missing.exit()).isEqualTo(2);
    assertThat(missing.err()).contains("--port needs a value");

    Run notANumber = run("--port", "http");
    assertThat(notANumber.exit()).isEqualTo(2);
    assertThat(notANumber.err()).contains("port").contains("http");
  }

  @Test
  void theLauncherDirectoryRunsAnywhereWithJdk17FirstOnPath() throws Exception {
    AppDirectory app = AppDirectory.copyOf("mcp-k8s-server");
    AppDirectory.Run version = app.run(Map.of(), "--version");

    assertThat(version.exit()).as(version.err()).isZero();
    assertThat(version.out()).isEqualTo(run("--version").out());
  }

  @Test
  void theReadmeQuickStartServesTheDocsAndIsUpInACleanShellWithJdk17FirstOnPath() throws Exception {
    Path root = Path.of("..").toAbsolutePath().normalize();
    String line = ReadmeCommand.marked(root, "image-server");
    assertThat(line)
        .isEqualTo("image-server/target/mcp-k8s-server/bin/mcp-k8s-server --host 127.0.0.1");
    // The README's line as written, on its default port 9096 when that is free; other builds share
    // this host, so a busy 9096 gets a free port instead.
    int port = ReadmeCommand.documentedOrFree(9096);
    String command = port == 9096 ? line : line + " --port " + port;
    Path out = Files.createTempFile("quick-out", ".txt");
    Path err = Files.createTempFile("quick-err", ".txt");
    Process server = ReadmeCommand.start(command, root, null, Map.of(), out, err);
    try (HttpClient http = HttpClient.newHttpClient()) {
      var answered = new java.util.concurrent.atomic.AtomicReference<HttpResponse<String>>();
      await()
          .alias("GET /docs answered")
          .atMost(java.time.Duration.ofSeconds(30))
          .pollInterval(java.time.Duration.ofMillis(100))
          .ignoreExceptionsInstanceOf(IOException.class)
          .until(
              () -> {
                assertThat(server.isAlive()).as("stderr: %s", Files.readString(err)).isTrue();
                answered.set(http.send(get(port, "/docs"), HttpResponse.BodyHandlers.ofString()));
                return true;
              });
      HttpResponse<String> page = answered.get();
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.body()).containsIgnoringCase("<html");
      HttpResponse<String> health =
          http.send(get(port, "/health"), HttpResponse.BodyHandlers.ofString());
      assertThat(health.statusCode()).isEqualTo(200);
      assertThat(health.body()).contains("\"status\"").contains("UP");
    } finally {
      ReadmeCommand.stopTree(server);
      Files.delete(out);
      Files.delete(err);
    }
  }

  private static HttpRequest get(int port, String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build();
  }

  @Test
  void everyDocumentedLauncherCommandUsesOptionsItsHelpNames() throws Exception {
    Path root = Path.of("..").toAbsolutePath().normalize();
    String launcher = "image-server/target/mcp-k8s-server/bin/mcp-k8s-server";
    List<DocumentedCommands.Command> calls = DocumentedCommands.in(root).invocations(launcher);
    assertThat(calls)
        .extracting(DocumentedCommands.Command::text)
        .contains(launcher + " --port 9096");
    String usage = DocumentedCommands.help(root, launcher);
    DocumentedCommands.assertOptionsNamed(calls, call -> usage);
  }
}
