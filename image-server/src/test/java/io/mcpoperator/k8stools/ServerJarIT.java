package io.mcpoperator.k8stools;

import static org.assertj.core.api.Assertions.assertThat;

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
  void theReadmeQuickStartServesTheDocsInACleanShellWithJdk17FirstOnPath() throws Exception {
    Path root = Path.of("..").toAbsolutePath().normalize();
    Matcher line =
        Pattern.compile("`(image-server/target/mcp-k8s-server/bin/mcp-k8s-server[^`]*)`")
            .matcher(Files.readString(root.resolve("README.md")));
    assertThat(line.find()).as("README.md runs image-server through its launcher").isTrue();
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    Path out = Files.createTempFile("quick-out", ".txt");
    Path err = Files.createTempFile("quick-err", ".txt");
    // The README's line as written, on a free port instead of 9096 (other builds share this host).
    Process server =
        AppDirectory.cleanStart(
            List.of("sh", "-c", "exec " + line.group(1) + " --port " + port),
            root,
            Map.of(),
            out,
            err);
    try (HttpClient http = HttpClient.newHttpClient()) {
      HttpRequest docs =
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/docs")).build();
      HttpResponse<String> page = null;
      for (int i = 0; i < 300 && page == null && server.isAlive(); i++) {
        try {
          page = http.send(docs, HttpResponse.BodyHandlers.ofString());
        } catch (IOException notYet) {
          Thread.sleep(100);
        }
      }
      assertThat(page).as("GET /docs answered; stderr: %s", Files.readString(err)).isNotNull();
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.body()).containsIgnoringCase("<html");
    } finally {
      server.destroy();
      server.waitFor(10, TimeUnit.SECONDS);
      Files.delete(out);
      Files.delete(err);
    }
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
