package io.mcpoperator.images;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Containerfiles (for Docker users) describe the images the build makes: same entrypoint,
 * arguments, user, ports, environment and file layout (the gateway's with its AOT cache in use).
 */
class ContainerfilesTest {

  static final Path PROJECT = Path.of(System.getProperty("project.root", ".."));

  @Test
  void operatorContainerfileDescribesTheOperatorImage() throws IOException {
    assertSameImage(ImageSpecs.operator(PROJECT, "", "t"), "operator/Containerfile");
  }

  @Test
  void gatewayContainerfileDescribesTheGatewayImageWithItsAotCache() throws IOException {
    assertSameImage(ImageSpecs.gateway(PROJECT, "", "t").withAotCache(), "sidecar/Containerfile");
  }

  @Test
  void imageServerContainerfileDescribesTheImageServerImage() throws IOException {
    assertSameImage(
        ImageSpecs.k8sTools(PROJECT, "", "t", null, null), "image-server/Containerfile");
  }

  private static void assertSameImage(ImageSpec spec, String containerfile) throws IOException {
    Containerfile file = Containerfile.read(PROJECT.resolve(containerfile));
    assertThat(file.entrypoint()).as(containerfile + " ENTRYPOINT").isEqualTo(spec.entrypoint());
    assertThat(file.cmd()).as(containerfile + " CMD").isEqualTo(spec.cmd());
    assertThat(file.user()).as(containerfile + " USER").isEqualTo(spec.user());
    assertThat(file.ports()).as(containerfile + " EXPOSE").isEqualTo(spec.ports());
    assertThat(file.env()).as(containerfile + " ENV").containsAllEntriesOf(spec.env());
    assertThat(spec.env()).as("image env of " + containerfile).containsAllEntriesOf(file.env());
    List<String> layout = new ArrayList<>();
    layout.add(spec.appDir() + "/");
    layout.add(spec.appDir() + "/libs");
    if (spec.jvmOptions() != null) {
      layout.add(spec.appDir() + "/jvm.options");
    }
    assertThat(file.copyTargets()).as(containerfile + " COPY targets").containsAll(layout);
  }
}
