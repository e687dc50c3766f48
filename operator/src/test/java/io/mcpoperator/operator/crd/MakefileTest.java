package io.mcpoperator.operator.crd;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The Makefile offers the familiar targets, and those needing a missing tool say so in a line. */
class MakefileTest {
  private static final List<String> TARGETS =
      List.of(
          "dev",
          "lint",
          "format",
          "test",
          "test-fast",
          "check",
          "run",
          "render",
          "k3d-create",
          "k3d-crds",
          "k3d-redis",
          "k3d-examples",
          "k3d-delete",
          "kustomize-k3d",
          "kustomize-prod",
          "bundle",
          "api-docs",
          "images",
          "k3d-import",
          "images-docker");

  private record Run(int exit, String out) {}

  private static Run make(String... args) throws IOException, InterruptedException {
    List<String> command = new java.util.ArrayList<>(List.of("make", "--no-print-directory"));
    command.addAll(List.of(args));
    Process p =
        new ProcessBuilder(command)
            .directory(ProjectFiles.resolve("").toFile())
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Run(p.exitValue(), out);
  }

  private static boolean has(String tool) {
    try {
      return new ProcessBuilder("sh", "-c", "command -v " + tool).start().waitFor() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  @Test
  void helpListsEveryTargetWithWhatItDoes() throws Exception {
    Assumptions.assumeTrue(has("make"), "make is not installed");
    Run help = make("help");
    assertThat(help.exit()).isZero();
    for (String target : TARGETS) {
      assertThat(help.out()).as(target).containsPattern("(?m)^  " + target + " +\\S");
    }
  }

  @Test
  void aMissingK3dIsOneClearLine() throws Exception {
    Assumptions.assumeTrue(has("make"), "make is not installed");
    Assumptions.assumeFalse(has("k3d"), "k3d is installed here");
    Run run = make("k3d-create");
    assertThat(run.exit()).isNotZero();
    assertThat(run.out()).contains("make k3d-create: k3d is not installed");
  }

  @Test
  void everyTargetIsAPlainCommandLine() throws Exception {
    Assumptions.assumeTrue(has("make"), "make is not installed");
    for (String target : TARGETS) {
      Run dry = make("-n", target);
      assertThat(dry.exit()).as(target + ": " + dry.out()).isZero();
    }
  }
}
