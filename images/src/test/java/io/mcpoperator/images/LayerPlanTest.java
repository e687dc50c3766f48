package io.mcpoperator.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LayerPlanTest {

  @TempDir Path dir;

  @Test
  void runtimeLayerHoldsTheJreLibrariesEtcAndAWritableTmp() throws IOException {
    Path jre = Files.createDirectories(dir.resolve("jre/bin"));
    Path java = Files.writeString(jre.resolve("java"), "elf");
    Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.writeString(Files.createDirectories(dir.resolve("jre/lib")).resolve("modules"), "m");
    Path passwd = Files.writeString(dir.resolve("passwd"), "root:x:0:0::/:/sbin/nologin\n");
    Path empty = Files.createDirectories(dir.resolve("empty"));

    Layer layer =
        LayerPlan.runtime(
            dir.resolve("jre"),
            List.of(Path.of("/lib64/ld-linux-x86-64.so.2")),
            Map.of("/etc/passwd", passwd),
            dir.resolve("no-ca-bundle-here"),
            empty);

    assertThat(layer.name()).isEqualTo("runtime");
    assertThat(layer.entries())
        .extracting(Layer.Entry::target, Layer.Entry::mode)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("/opt/java/openjdk/bin/java", "755"),
            org.assertj.core.groups.Tuple.tuple("/opt/java/openjdk/lib/modules", "644"),
            org.assertj.core.groups.Tuple.tuple("/lib64/ld-linux-x86-64.so.2", "755"),
            org.assertj.core.groups.Tuple.tuple("/etc/passwd", "644"),
            org.assertj.core.groups.Tuple.tuple("/tmp", "777"));
  }

  @Test
  void applicationLayersSeparateReleaseAndSnapshotDependenciesFromTheJar() throws IOException {
    Path libs = Files.createDirectories(dir.resolve("libs"));
    Files.writeString(libs.resolve("helidon-webserver-4.3.0.jar"), "x");
    Files.writeString(libs.resolve("mcp-gateway-0.1.0-SNAPSHOT.jar"), "x");
    Path jar = Files.writeString(dir.resolve("mcp-k8s-server.jar"), "x");
    ImageSpec spec = spec(jar, libs, null);

    List<Layer> layers = LayerPlan.application(spec);

    assertThat(layers)
        .extracting(Layer::name)
        .containsExactly("dependencies", "snapshot-dependencies", "application");
    assertThat(layers.get(0).entries())
        .extracting(Layer.Entry::target)
        .containsExactly("/opt/app/libs/helidon-webserver-4.3.0.jar");
    assertThat(layers.get(1).entries())
        .extracting(Layer.Entry::target)
        .containsExactly("/opt/app/libs/mcp-gateway-0.1.0-SNAPSHOT.jar");
    assertThat(layers.get(2).entries())
        .extracting(Layer.Entry::target)
        .containsExactly("/opt/app/mcp-k8s-server.jar");
  }

  @Test
  void jvmOptionsGoBesideTheJarAndThereIsNoEmptySnapshotLayer() throws IOException {
    Path libs = Files.createDirectories(dir.resolve("libs"));
    Files.writeString(libs.resolve("a-1.0.jar"), "x");
    Path jar = Files.writeString(dir.resolve("app.jar"), "x");
    Path options = Files.writeString(dir.resolve("jvm.options"), "-XX:+UseSerialGC\n");

    List<Layer> layers = LayerPlan.application(spec(jar, libs, options));

    assertThat(layers).extracting(Layer::name).containsExactly("dependencies", "application");
    assertThat(layers.get(1).entries())
        .extracting(Layer.Entry::target)
        .containsExactly("/opt/app/app.jar", "/opt/app/jvm.options");
  }

  @Test
  void missingLibsNameTheBuildToRun() {
    ImageSpec spec = spec(dir.resolve("app.jar"), dir.resolve("absent"), null);

    assertThatThrownBy(() -> LayerPlan.application(spec))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("absent is not a directory (build the applications first");
  }

  @Test
  void toolsGoToUsrLocalBinWithOnlyTheLibrariesTheRuntimeLacks() {
    Layer layer =
        LayerPlan.tools(
            List.of(Path.of("/usr/bin/jq"), Path.of("/clis/kubectl")),
            List.of(
                Path.of("/lib/x86_64-linux-gnu/libjq.so.1"),
                Path.of("/lib/x86_64-linux-gnu/libc.so.6")),
            List.of(Path.of("/lib/x86_64-linux-gnu/libc.so.6")));

    assertThat(layer.entries())
        .extracting(Layer.Entry::target)
        .containsExactly(
            "/usr/local/bin/jq", "/usr/local/bin/kubectl", "/lib/x86_64-linux-gnu/libjq.so.1");
  }

  @Test
  void entriesRefuseRelativePathsAndOddModes() {
    assertThatThrownBy(() -> new Layer.Entry(dir, "tmp", "777"))
        .hasMessageContaining("image path must be absolute: tmp");
    assertThatThrownBy(() -> new Layer.Entry(dir, "/tmp", "1777"))
        .hasMessageContaining("mode must be three octal digits: 1777");
  }

  private static ImageSpec spec(Path jar, Path libs, Path options) {
    return new ImageSpec(
        "example/app",
        "1",
        "app",
        "d",
        "/opt/app",
        jar,
        libs,
        options,
        List.of("java"),
        List.of(),
        Map.of(),
        "1:1",
        List.of(1),
        List.of(),
        List.of());
  }
}
