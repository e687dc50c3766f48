package io.mcpoperator.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageSpecsTest {

  @Test
  void theThreeImagesAreNamedAfterTheInstallManifestsImages() {
    List<ImageSpec> specs =
        ImageSpecs.all(Path.of("/p"), "ghcr.io/mcp-operator/", "0.1.0", null, null);

    assertThat(specs)
        .extracting(ImageSpec::reference)
        .containsExactly(
            "ghcr.io/mcp-operator/mcp-operator:0.1.0",
            "ghcr.io/mcp-operator/mcp-gateway:0.1.0",
            "ghcr.io/mcp-operator/mcp-k8s-server:0.1.0");
    assertThat(specs)
        .extracting(ImageSpec::user)
        .containsExactly("65532:65532", "65532:65532", "10001:0");
    assertThat(specs.get(0).jar()).isEqualTo(Path.of("/p/operator/target/mcp-operator.jar"));
  }

  @Test
  void imageServerTakesTheClisThatArePresentAndJq(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("kubectl"), "x");
    Files.writeString(dir.resolve("helm"), "x");
    Files.writeString(dir.resolve("README"), "not a CLI");
    Path jq = Files.writeString(dir.resolve("jq"), "x");

    ImageSpec spec = ImageSpecs.k8sTools(Path.of("/p"), "", "1", dir, jq);

    assertThat(spec.tools()).containsExactly(dir.resolve("kubectl"), dir.resolve("helm"), jq);
    assertThat(ImageSpecs.missingClis(spec)).containsExactly("istioctl", "argocd");
  }

  @Test
  void withoutClisAllFourAreMissing() {
    ImageSpec spec = ImageSpecs.k8sTools(Path.of("/p"), "", "1", null, Path.of("/nonexistent/jq"));

    assertThat(spec.tools()).isEmpty();
    assertThat(ImageSpecs.missingClis(spec))
        .containsExactly("kubectl", "helm", "istioctl", "argocd");
  }

  @Test
  void aNonNumericUserIsRefused() {
    assertThatThrownBy(
            () ->
                new ImageSpec(
                    "r",
                    "t",
                    "n",
                    "d",
                    "/a",
                    Path.of("j"),
                    Path.of("l"),
                    null,
                    List.of(),
                    List.of(),
                    Map.of(),
                    "nonroot",
                    List.of(),
                    List.of(),
                    List.of()))
        .hasMessage("user must be numeric uid:gid, was nonroot");
  }

  @Test
  void theGatewayCarriesAnAotCacheUsedRightAfterItsJvmOptions() {
    ImageSpec gateway = ImageSpecs.gateway(Path.of("/p"), "", "0.1.0");

    assertThat(gateway.aotCache()).isEqualTo("/opt/mcp-gateway/mcp-gateway.aot");
    assertThat(gateway.trainingCommand("/tmp/g.aot"))
        .containsExactly(
            "/opt/java/openjdk/bin/java",
            "@/opt/mcp-gateway/jvm.options",
            "-XX:AOTCacheOutput=/tmp/g.aot",
            "-Djava.io.tmpdir=/tmp",
            "-jar",
            "/opt/mcp-gateway/mcp-gateway.jar",
            "--aot-training");
    ImageSpec cached = gateway.withAotCache();
    assertThat(cached.entrypoint())
        .containsExactly(
            "/opt/java/openjdk/bin/java",
            "@/opt/mcp-gateway/jvm.options",
            "-XX:AOTCache=/opt/mcp-gateway/mcp-gateway.aot",
            "-Djava.io.tmpdir=/tmp",
            "-jar",
            "/opt/mcp-gateway/mcp-gateway.jar");
    assertThat(cached.aotTraining()).isEmpty();
    assertThat(cached.cmd()).isEqualTo(gateway.cmd());
    assertThat(ImageSpecs.operator(Path.of("/p"), "", "1").aotTraining()).isEmpty();
  }

  @Test
  void labelsAndEnvironmentOfAnImage() {
    ImageSpec gateway = ImageSpecs.gateway(Path.of("/p"), "", "0.1.0");

    assertThat(ImageBuild.labels(gateway, "abc123"))
        .containsEntry("org.opencontainers.image.title", "mcp-gateway")
        .containsEntry("org.opencontainers.image.version", "0.1.0")
        .containsEntry("org.opencontainers.image.revision", "abc123")
        .containsKey("org.opencontainers.image.source");
    assertThat(ImageBuild.labels(gateway, ""))
        .doesNotContainKey("org.opencontainers.image.revision");
    assertThat(ImageBuild.environment(gateway))
        .containsEntry("JAVA_HOME", "/opt/java/openjdk")
        .containsEntry("MALLOC_ARENA_MAX", "2")
        .containsEntry("PATH", "/opt/java/openjdk/bin:/usr/local/bin:/usr/bin:/bin");
  }

  @Test
  void pushReferencesAndWhichRegistriesMayUsePlainHttp() throws Exception {
    ImageSpec operator = ImageSpecs.operator(Path.of("/p"), "", "0.1.0");

    assertThat(ImageBuild.pushReference("127.0.0.1:5000/mcp", operator).toString())
        .isEqualTo("127.0.0.1:5000/mcp/mcp-operator:0.1.0");
    assertThat(ImageBuild.pushReference("registry.example.com/team/", operator).toString())
        .isEqualTo("registry.example.com/team/mcp-operator:0.1.0");
    assertThat(ImageBuild.isLoopback("127.0.0.1:5000")).isTrue();
    assertThat(ImageBuild.isLoopback("localhost")).isTrue();
    assertThat(ImageBuild.isLoopback("registry.example.com:5000")).isFalse();
  }
}
