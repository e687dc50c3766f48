package io.mcpoperator.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcpoperator.testsupport.AppDirectory;
import io.mcpoperator.testsupport.DocumentedCommands;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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
