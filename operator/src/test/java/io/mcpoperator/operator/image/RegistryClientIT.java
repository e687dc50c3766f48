package io.mcpoperator.operator.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mcpoperator.operator.testing.LocalRegistry;
import io.mcpoperator.operator.testing.TestImages;
import io.mcpoperator.operator.testing.TokenRegistryProxy;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Optional;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Reads image configs from a real distribution registry on loopback. */
class RegistryClientIT {
  /** user "puller", password "s3cret" (bcrypt, cost 4). */
  static final String HTPASSWD =
      "puller:$2b$04$XXQmbD6GbKL65asRfoakyeBEPFs/0slJew/hzb9bzBTacS2wXJqVK";

  static final Credential PULLER = new Credential("puller", "s3cret");

  private static LocalRegistry registry;
  private final RegistryClient client = new RegistryClient();

  @BeforeAll
  static void startRegistry() throws Exception {
    LocalRegistry.assumeInstalled();
    registry = LocalRegistry.start();
    registry.push("mcp/echo", "1", TestImages.oci(List.of("/bin/echo-server"), List.of("--stdio")));
    TestImages.Image amd64 =
        TestImages.image(TestImages.OCI_MANIFEST, "amd64", List.of("node"), List.of("amd64.js"));
    TestImages.Image arm64 =
        TestImages.image(TestImages.OCI_MANIFEST, "arm64", List.of("node"), List.of("arm64.js"));
    registry.push(
        "mcp/multi",
        "2",
        TestImages.index(TestImages.OCI_INDEX, List.of("arm64", "amd64"), List.of(arm64, amd64)));
    registry.push(
        "mcp/armonly",
        "1",
        TestImages.index(TestImages.OCI_INDEX, List.of("arm64"), List.of(arm64)));
    TestImages.Image dockerAmd64 =
        TestImages.image(TestImages.DOCKER_MANIFEST, "amd64", null, List.of("python", "-m", "srv"));
    TestImages.Image dockerArm64 =
        TestImages.image(TestImages.DOCKER_MANIFEST, "arm64", null, List.of("wrong"));
    registry.push(
        "team/docker-list",
        "latest",
        TestImages.index(
            TestImages.DOCKER_LIST, List.of("arm64", "amd64"), List.of(dockerArm64, dockerAmd64)));
  }

  @AfterAll
  static void stopRegistry() throws Exception {
    if (registry != null) {
      registry.close();
    }
  }

  private ImageConfig fetch(String image) throws RegistryException {
    return client.fetch(ImageReference.parse(image), Optional.empty());
  }

  @Test
  void readsEntrypointCmdWorkingDirAndUserOfAnOciImageByTag() throws Exception {
    ImageConfig config = fetch(registry.address() + "/mcp/echo:1");

    assertThat(config.entrypoint()).containsExactly("/bin/echo-server");
    assertThat(config.cmd()).containsExactly("--stdio");
    assertThat(config.workingDir()).isEqualTo("/app");
    assertThat(config.user()).isEqualTo("65532");
    assertThat(config.commandLine(List.of())).containsExactly("/bin/echo-server", "--stdio");
  }

  @Test
  void picksLinuxAmd64FromAnOciIndexAndReadsTheSameImageByDigest() throws Exception {
    ImageConfig config = fetch(registry.address() + "/mcp/multi:2");

    assertThat(config.commandLine(List.of())).containsExactly("node", "amd64.js");
    ImageConfig byDigest = fetch(registry.address() + "/mcp/multi@" + config.digest());
    assertThat(byDigest).isEqualTo(config);
  }

  @Test
  void picksLinuxAmd64FromADockerManifestList() throws Exception {
    ImageConfig config = fetch(registry.address() + "/team/docker-list");

    assertThat(config.entrypoint()).isEmpty();
    assertThat(config.commandLine(List.of())).containsExactly("python", "-m", "srv");
  }

  @Test
  void anIndexWithoutLinuxAmd64IsNotFoundNamingWhatItHolds() {
    assertThatThrownBy(() -> fetch(registry.address() + "/mcp/armonly:1"))
        .isInstanceOfSatisfying(
            RegistryException.class,
            e -> assertThat(e.reason()).isEqualTo(Resolution.Reason.NOT_FOUND))
        .hasMessageContaining("has no linux/amd64 image (its index holds linux/arm64)");
  }

  @Test
  void anUnknownTagOrRepositoryIsNotFound() {
    for (String image : List.of("/mcp/echo:9", "/nobody/here:1")) {
      assertThatThrownBy(() -> fetch(registry.address() + image))
          .isInstanceOfSatisfying(
              RegistryException.class,
              e -> assertThat(e.reason()).isEqualTo(Resolution.Reason.NOT_FOUND))
          .hasMessageContaining("was not found in registry " + registry.address());
    }
  }

  @Test
  void aRegistryNobodyListensOnIsUnreachable() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    int closed = port;
    assertThatThrownBy(() -> fetch("127.0.0.1:" + closed + "/mcp/echo:1"))
        .isInstanceOfSatisfying(
            RegistryException.class,
            e -> assertThat(e.reason()).isEqualTo(Resolution.Reason.REGISTRY_UNREACHABLE))
        .hasMessageContaining("cannot reach registry 127.0.0.1:" + closed);
  }

  @Test
  void basicAuthRegistryNeedsTheCredential() throws Exception {
    try (LocalRegistry locked = LocalRegistry.startWithBasicAuth(HTPASSWD, PULLER.basic())) {
      locked.push("private/srv", "1", TestImages.oci(List.of("srv"), List.of()));
      ImageReference image = ImageReference.parse(locked.address() + "/private/srv:1");

      assertThat(client.fetch(image, Optional.of(PULLER)).entrypoint()).containsExactly("srv");
      assertThatThrownBy(() -> client.fetch(image, Optional.empty()))
          .isInstanceOfSatisfying(
              RegistryException.class,
              e -> assertThat(e.reason()).isEqualTo(Resolution.Reason.UNAUTHORIZED))
          .hasMessageContaining("no credential for it in spec.imagePullSecrets");
      assertThatThrownBy(() -> client.fetch(image, Optional.of(new Credential("puller", "wrong"))))
          .isInstanceOfSatisfying(
              RegistryException.class,
              e -> assertThat(e.reason()).isEqualTo(Resolution.Reason.UNAUTHORIZED))
          .hasMessageContaining("with the credential from spec.imagePullSecrets");
    }
  }

  @Test
  void anonymousBearerTokenFlowAsDockerHubAsksForIt() throws Exception {
    try (TokenRegistryProxy proxy = TokenRegistryProxy.anonymous(registry)) {
      ImageConfig config = fetch(proxy.address() + "/mcp/multi:2");

      assertThat(config.commandLine(List.of())).containsExactly("node", "amd64.js");
      assertThat(proxy.requests())
          .anyMatch(
              r ->
                  r.startsWith("GET /token?")
                      && r.contains("service=test-registry")
                      && r.contains("scope=repository%3Amcp%2Fmulti%3Apull"));
    }
  }

  @Test
  void bearerTokenForAUserIsAskedForWithThePullSecretCredential() throws Exception {
    try (TokenRegistryProxy proxy = TokenRegistryProxy.withUser(registry, "puller", "s3cret")) {
      ImageReference image = ImageReference.parse(proxy.address() + "/mcp/echo:1");

      assertThat(client.fetch(image, Optional.of(PULLER)).entrypoint())
          .containsExactly("/bin/echo-server");
      assertThatThrownBy(() -> client.fetch(image, Optional.empty()))
          .isInstanceOf(RegistryException.class)
          .extracting(
              e -> ((RegistryException) e).reason(),
              InstanceOfAssertFactories.type(Resolution.Reason.class))
          .isEqualTo(Resolution.Reason.UNAUTHORIZED);
    }
  }
}
