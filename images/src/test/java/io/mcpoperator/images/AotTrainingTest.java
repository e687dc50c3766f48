package io.mcpoperator.images;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AotTrainingTest {

  @Test
  void modesBecomePosixPermissions() {
    assertThat(AotTraining.rwx("755")).isEqualTo("rwxr-xr-x");
    assertThat(AotTraining.rwx("644")).isEqualTo("rw-r--r--");
    assertThat(AotTraining.rwx("777")).isEqualTo("rwxrwxrwx");
  }

  @Test
  void layersAreWrittenWithTheImagesModesAndFileTimes(@TempDir Path dir) throws IOException {
    Path jar = Files.writeString(dir.resolve("app.jar"), "jar");
    Path empty = Files.createDirectories(dir.resolve("empty"));
    Path root = dir.resolve("root");
    List<Layer> layers =
        List.of(
            new Layer("runtime", List.of(new Layer.Entry(empty, "/tmp", "777"))),
            new Layer("application", List.of(new Layer.Entry(jar, "/opt/app/app.jar", "644"))));

    AotTraining.materialize(layers, root);

    assertThat(root.resolve("opt/app/app.jar")).hasContent("jar");
    assertThat(Files.getLastModifiedTime(root.resolve("opt/app/app.jar")).toInstant())
        .isEqualTo(ImageBuild.FILE_TIME);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(root.resolve("tmp"))))
        .isEqualTo("rwxrwxrwx");
    assertThat(
            PosixFilePermissions.toString(
                Files.getPosixFilePermissions(root.resolve("opt/app/app.jar"))))
        .isEqualTo("rw-r--r--");
  }

  @Test
  void whyNoTrainingCanRunIsSaidWhenNotRoot() {
    boolean root = "root".equals(System.getProperty("user.name"));
    assertThat(AotTraining.unavailableReason().isEmpty())
        .isEqualTo(root && ContainerProcess.supported());
  }
}
