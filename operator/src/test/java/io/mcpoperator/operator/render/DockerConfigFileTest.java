package io.mcpoperator.operator.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mcpoperator.operator.image.RegistryCredentials;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DockerConfigFileTest {
  @TempDir Path dir;

  @Test
  void theDefaultIsWhereDockerLooks() {
    assertThat(DockerConfigFile.defaultPath(Map.of(), "/home/u"))
        .isEqualTo(Path.of("/home/u/.docker/config.json"));
    assertThat(DockerConfigFile.defaultPath(Map.of("DOCKER_CONFIG", "/etc/dc"), "/home/u"))
        .isEqualTo(Path.of("/etc/dc/config.json"));
  }

  @Test
  void anAbsentDefaultMeansAnonymousReadsAndSaysWhereItLooked() {
    RegistryCredentials none = DockerConfigFile.load(Optional.empty(), dir.resolve("config.json"));

    assertThat(none.configs()).isEmpty();
    assertThat(none.source())
        .contains("--docker-config FILE")
        .contains(dir.resolve("config.json") + " does not exist");
  }

  @Test
  void aGivenFileMustBeADockerConfig() throws Exception {
    Path broken = Files.writeString(dir.resolve("broken.json"), "[1, 2");

    assertThatThrownBy(() -> DockerConfigFile.load(Optional.of(broken), dir.resolve("x")))
        .hasMessageContaining("--docker-config " + broken + " is not a docker config file");
    assertThatThrownBy(
            () -> DockerConfigFile.load(Optional.of(dir.resolve("absent")), dir.resolve("x")))
        .hasMessage("--docker-config " + dir.resolve("absent") + ": no such file");
  }

  @Test
  void aBrokenDefaultIsIgnoredWithANoteAndHelpersAreNamed() throws Exception {
    Path broken = Files.writeString(dir.resolve("config.json"), "not json");
    RegistryCredentials ignored = DockerConfigFile.load(Optional.empty(), broken);
    assertThat(ignored.configs()).isEmpty();
    assertThat(ignored.problems()).singleElement().asString().endsWith(": ignored");

    Path helpers =
        Files.writeString(
            dir.resolve("helpers.json"), "{\"auths\": {}, \"credsStore\": \"desktop\"}");
    RegistryCredentials read = DockerConfigFile.load(Optional.of(helpers), broken);
    assertThat(read.configs()).hasSize(1);
    assertThat(read.source()).isEqualTo("--docker-config " + helpers);
    assertThat(read.problems())
        .containsExactly(
            helpers + " names credsStore: render runs no credential helper, it reads \"auths\"");
  }
}
