package io.mcpoperator.operator.crd;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcpoperator.testsupport.AppDirectory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code target/mcp-operator/} copied elsewhere and run through {@code bin/mcp-operator} in a clean
 * shell with a JDK 17 first on PATH and no JAVA_HOME, as a user who copied the directory runs it.
 */
class LauncherIT {

  @Test
  void theCopiedDirectoryPrintsItsVersionAndRendersTheExamples() throws Exception {
    AppDirectory app = AppDirectory.copyOf("mcp-operator");

    AppDirectory.Run version = app.run(Map.of(), "--version");
    AppDirectory.Run render =
        app.run(Map.of(), "render", "-f", ProjectFiles.resolve("examples").toString());

    assertThat(version.exit()).as(version.err()).isZero();
    assertThat(version.out().strip()).matches("mcp-operator \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
    assertThat(render.exit()).as(render.err()).isZero();
    assertThat(render.out()).contains("kind: Deployment").doesNotContain("render:");
  }

  @Test
  void withoutAJava21ItSaysWhatItTriedAndWhereToGetOne() throws Exception {
    AppDirectory app = AppDirectory.copyOf("mcp-operator");
    Path noJdks = Files.createTempDirectory("no-jvms");
    String jdk17 = AppDirectory.JDK17.getParent().toString();

    AppDirectory.Run run =
        app.run(Map.of("JAVA_HOME", jdk17, "JVM_DIR", noJdks.toString()), "--version");

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.out()).isEmpty();
    assertThat(run.err())
        .contains("mcp-operator: needs Java 21 or newer; none found")
        .contains(jdk17 + "/bin/java")
        .contains("https://adoptium.net/installation/linux/");
  }

  @Test
  void aLauncherWithoutItsLibSaysSo() throws Exception {
    AppDirectory app = AppDirectory.copyOf("mcp-operator");
    Files.delete(app.home().resolve("lib/mcp-operator.jar"));

    AppDirectory.Run run = app.run(Map.of(), "--version");

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err())
        .contains("lib/mcp-operator.jar is missing (bin/ and lib/ belong together)");
  }
}
