package io.mcpoperator.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildImagesTest {

  @Test
  void optionsTakeBothFormsAndTheTagDefaultsToTheReleaseVersion() {
    BuildImages.Options options =
        BuildImages.parse(
            new String[] {
              "--project", "/p", "--version=0.1.0-SNAPSHOT", "--output", "/o", "--push="
            });

    assertThat(options.project()).isEqualTo(Path.of("/p"));
    assertThat(options.tag()).isEqualTo("0.1.0");
    assertThat(options.prefix()).isEqualTo("ghcr.io/mcp-operator/");
    assertThat(options.push()).isEmpty();
    assertThat(options.clis()).isNull();
    assertThat(options.jq()).isEqualTo(Path.of("/usr/bin/jq"));
  }

  @Test
  void badOptionsAreNamed() {
    assertThatThrownBy(() -> BuildImages.parse(new String[] {"--project", "/p", "--output", "/o"}))
        .hasMessage("--version is required");
    assertThatThrownBy(() -> BuildImages.parse(new String[] {"--colour", "red"}))
        .hasMessage("unknown option --colour");
    assertThatThrownBy(() -> BuildImages.parse(new String[] {"--project"}))
        .hasMessage("--project needs a value");
    assertThatThrownBy(() -> BuildImages.parse(new String[] {"stray"}))
        .hasMessage("unexpected argument stray");
    assertThatThrownBy(
            () ->
                BuildImages.parse(
                    new String[] {"--project=/p", "--version=1", "--output=/o", "--tag=a b"}))
        .hasMessage("--tag a b is not a valid image tag");
  }

  @Test
  void aBadCommandLineExitsTwoWithUsageOnStderr() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int exit =
        BuildImages.run(
            new String[] {"--bogus=1"},
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));

    assertThat(exit).isEqualTo(2);
    assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("BuildImages: unknown option --bogus")
        .contains("Usage: BuildImages");
  }

  @Test
  void aMissingClisDirectoryFailsBeforeAnythingIsBuilt(@TempDir Path dir) {
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int exit =
        BuildImages.run(
            new String[] {
              "--project",
              dir.toString(),
              "--version",
              "1",
              "--output",
              dir.resolve("o").toString(),
              "--clis",
              dir.resolve("nope").toString()
            },
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));

    assertThat(exit).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("--clis " + dir.resolve("nope") + " is not a directory");
  }
}
