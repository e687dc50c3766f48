package io.mcpoperator.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The images the build made (images/target/images/*.tar) started as a container runtime starts
 * them: config read from the tar, layers unpacked into a root, the entrypoint run there as the
 * image's user, until its health endpoint answers on 127.0.0.1. Start times are written to
 * target/images/start-times.txt (hack/bench/images.sh collects them).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImageStartIT {

  static final Path IMAGES = Path.of(System.getProperty("images.dir", "target/images"));
  static final Duration READY_WITHIN = Duration.ofSeconds(180);

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final Map<String, ImageArchive> images = new LinkedHashMap<>();
  private final List<String> startTimes = new ArrayList<>();
  private Path work;

  @BeforeAll
  void openImages() throws IOException {
    work = IMAGES.resolveSibling("image-start-it");
    JavaRuntime.delete(work); // unpack this build's images, not an earlier one's
    Files.createDirectories(work);
    for (String name : List.of("mcp-operator", "mcp-gateway", "mcp-k8s-server")) {
      Path tar = IMAGES.resolve(name + ".tar");
      assertThat(tar).as("the images module's package phase writes " + tar).isRegularFile();
      images.put(name, ImageArchive.open(tar, work.resolve(name + "/archive")));
    }
  }

  @AfterAll
  void writeStartTimes() throws IOException {
    if (!startTimes.isEmpty()) {
      Files.write(IMAGES.resolve("start-times.txt"), startTimes);
    }
  }

  @Test
  void configsNameTheUserEntrypointPortsAndEnvironment() {
    ImageArchive operator = images.get("mcp-operator");
    ImageArchive gateway = images.get("mcp-gateway");
    ImageArchive tools = images.get("mcp-k8s-server");

    assertThat(operator.repoTags()).containsExactly("ghcr.io/mcp-operator/mcp-operator:0.1.0");
    assertThat(operator.user()).isEqualTo("65532:65532");
    assertThat(gateway.user()).isEqualTo("65532:65532");
    assertThat(tools.user()).isEqualTo("10001:0");
    assertThat(operator.entrypoint())
        .containsExactly(
            "/opt/java/openjdk/bin/java",
            "@/opt/mcp-operator/jvm.options",
            "-Djava.io.tmpdir=/tmp",
            "-jar",
            "/opt/mcp-operator/mcp-operator.jar");
    assertThat(gateway.cmd()).containsExactly("--config", "/etc/mcp-gateway/config.json");
    assertThat(operator.config().get("ExposedPorts").has("8081/tcp")).isTrue();
    assertThat(gateway.config().get("ExposedPorts").has("8090/tcp")).isTrue();
    assertThat(tools.config().get("ExposedPorts").has("9096/tcp")).isTrue();
    assertThat(gateway.env()).contains("MALLOC_ARENA_MAX=2", "JAVA_HOME=/opt/java/openjdk");
    assertThat(tools.env()).contains("HOME=/tmp", "HELM_CACHE_HOME=/tmp/.helm/cache", "PORT=9096");
    assertThat(gateway.config().get("WorkingDir").asText()).isEqualTo("/tmp");
    assertThat(tools.config().get("Labels").get("org.opencontainers.image.title").asText())
        .isEqualTo("mcp-k8s-server");
    assertThat(operator.config().get("Labels").get("org.opencontainers.image.version").asText())
        .isEqualTo("0.1.0");
  }

  @Test
  void theThreeImagesShareOneRuntimeLayer() {
    String runtime = images.get("mcp-operator").layers().getFirst();

    assertThat(images.get("mcp-gateway").layers().getFirst()).isEqualTo(runtime);
    assertThat(images.get("mcp-k8s-server").layers().getFirst()).isEqualTo(runtime);
  }

  @Test
  void noShellNoPackageManagerAndOnlyRootOwnedReadOnlyFiles() throws IOException {
    Path root = unpacked("mcp-gateway");

    assertThat(root.resolve("bin/sh")).doesNotExist();
    assertThat(root.resolve("usr/bin/apt-get")).doesNotExist();
    assertThat(root.resolve("opt/java/openjdk/bin/java")).isExecutable();
    assertThat(root.resolve("opt/java/openjdk/lib/libawt_xawt.so")).doesNotExist();
    assertThat(Files.readString(root.resolve("etc/passwd"))).contains("nonroot:x:65532:65532:");
    assertThat(Files.getPosixFilePermissions(root.resolve("opt/mcp-gateway/mcp-gateway.jar")))
        .doesNotContain(
            java.nio.file.attribute.PosixFilePermission.OTHERS_WRITE,
            java.nio.file.attribute.PosixFilePermission.GROUP_WRITE);
  }

  @Test
  void gatewayImageStartsAsNonRootAndAnswersHealth() throws Exception {
    assumeRunnable();
    int port = freePort();
    List<String> args =
        List.of(
            "--host",
            "127.0.0.1",
            "--port",
            String.valueOf(port),
            "--upstream-url",
            "http://127.0.0.1:9/mcp");

    try (ContainerProcess gateway = run("mcp-gateway", args, Map.of())) {
      String body = awaitHealth(gateway, "mcp-gateway", port, "/observe/health/live");

      assertThat(body).contains("\"status\":\"UP\"");
      assertThat(uid(gateway)).isEqualTo("65532");
      assertThat(images.get("mcp-gateway").entrypoint())
          .as("built as root: the training run made the AOT cache")
          .contains("-XX:AOTCache=/opt/mcp-gateway/mcp-gateway.aot");
      assertThat(unpacked("mcp-gateway").resolve("opt/mcp-gateway/mcp-gateway.aot"))
          .isNotEmptyFile();
      assertThat(Files.readString(Path.of("/proc/" + gateway.entrypoint().pid() + "/maps")))
          .as("the JVM mapped the AOT cache")
          .contains("/opt/mcp-gateway/mcp-gateway.aot");
    }
  }

  @Test
  void gatewayImageVersionIsAloneOnStdout() throws Exception {
    assumeRunnable();

    try (ContainerProcess version = run("mcp-gateway", List.of("--version"), Map.of())) {
      assertThat(version.waitFor(60)).as(version.output()).isZero();
      assertThat(version.stdout()).as("JVM warnings go to stderr").matches("mcp-gateway \\S+\n");
    }
  }

  @Test
  void operatorImageStartsAgainstAnApiServerAndAnswersHealth() throws Exception {
    assumeRunnable();
    try (ApiServerStub api = ApiServerStub.start()) {
      Path root = unpacked("mcp-operator");
      Path kubeconfig = Files.createDirectories(root.resolve("etc/mcp-test")).resolve("kubeconfig");
      Files.writeString(kubeconfig, kubeconfig(api.url()));
      int port = freePort();
      Map<String, String> env =
          Map.of(
              "KUBECONFIG",
              "/etc/mcp-test/kubeconfig",
              "LEADER_ELECTION_ENABLED",
              "false",
              "LOG_FORMAT",
              "text");

      try (ContainerProcess operator =
          run(
              "mcp-operator",
              List.of("--host", "127.0.0.1", "--port", String.valueOf(port)),
              env)) {
        String body = awaitHealth(operator, "mcp-operator", port, "/observe/health/live");

        assertThat(body).contains("\"status\":\"UP\"");
        assertThat(uid(operator)).isEqualTo("65532");
        assertThat(api.requests())
            .as("the operator in the image talked to the API server")
            .contains("GET /version/");
      }
    }
  }

  @Test
  void imageServerImageStartsAndSaysWhichClisItLacks() throws Exception {
    assumeRunnable();
    int port = freePort();

    try (ContainerProcess server =
        run(
            "mcp-k8s-server",
            List.of("--host", "127.0.0.1"),
            Map.of("PORT", String.valueOf(port)))) {
      String body = awaitHealth(server, "mcp-k8s-server", port, "/health");
      assertThat(uid(server)).isEqualTo("10001");
      HttpResponse<String> helm =
          http.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/tools/helm"))
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString("{\"command\": \"version\"}"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());

      assertThat(body).isNotBlank();
      if (!Files.exists(unpacked("mcp-k8s-server").resolve("usr/local/bin/helm"))) {
        assertThat(helm.statusCode()).as(helm.body()).isEqualTo(503);
        assertThat(helm.body()).contains("helm is not installed on this server");
      } else {
        assertThat(helm.statusCode()).as(helm.body()).isEqualTo(200);
      }
    }
  }

  @Test
  void jqCopiedIntoTheImageServerImageRunsThereWithItsLibraries() throws Exception {
    assumeRunnable();
    Path root = unpacked("mcp-k8s-server");
    assumeTrue(
        Files.exists(root.resolve("usr/local/bin/jq")),
        "the build machine had no /usr/bin/jq to copy");

    try (ContainerProcess jq =
        ContainerProcess.start(
            root,
            "10001:0",
            "/tmp",
            List.of("/usr/local/bin/jq", "--version"),
            Map.of(),
            work.resolve("jq.log"))) {
      assertThat(jq.waitFor(60)).as(jq.output()).isZero();
      assertThat(jq.output()).startsWith("jq-");
    }
  }

  private ContainerProcess run(String image, List<String> args, Map<String, String> env)
      throws IOException {
    ImageArchive archive = images.get(image);
    Map<String, String> environment = new LinkedHashMap<>();
    for (String pair : archive.env()) {
      int eq = pair.indexOf('=');
      environment.put(pair.substring(0, eq), pair.substring(eq + 1));
    }
    environment.putAll(env);
    List<String> command = new ArrayList<>(archive.entrypoint());
    command.addAll(args.isEmpty() ? archive.cmd() : args);
    return ContainerProcess.start(
        unpacked(image),
        archive.user(),
        archive.config().get("WorkingDir").asText(),
        command,
        environment,
        work.resolve(image + ".log"));
  }

  private Path unpacked(String image) throws IOException {
    Path root = work.resolve(image + "/rootfs");
    if (!Files.isDirectory(root.resolve("opt"))) {
      images.get(image).unpack(root);
    }
    return root;
  }

  private String awaitHealth(ContainerProcess container, String image, int port, String path)
      throws Exception {
    long started = System.nanoTime();
    var body = new java.util.concurrent.atomic.AtomicReference<String>();
    try {
      await()
          .atMost(READY_WITHIN)
          .pollInterval(Duration.ofMillis(50))
          .until(
              () -> {
                assertThat(container.isAlive())
                    .as(image + " exited; its output: " + container.output())
                    .isTrue();
                try {
                  HttpResponse<String> response =
                      http.send(
                          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                              .timeout(Duration.ofSeconds(2))
                              .build(),
                          HttpResponse.BodyHandlers.ofString());
                  if (response.statusCode() == 200) {
                    body.set(response.body());
                  }
                } catch (IOException notYet) {
                  // not listening yet
                }
                return body.get() != null;
              });
    } catch (org.awaitility.core.ConditionTimeoutException e) {
      throw new AssertionError(
          image
              + " did not answer "
              + path
              + " within "
              + READY_WITHIN
              + "; its output: "
              + container.output());
    }
    startTimes.add(
        "%s start-to-healthy %d ms".formatted(image, (System.nanoTime() - started) / 1_000_000));
    return body.get();
  }

  private static String uid(ContainerProcess container) throws IOException {
    long pid = container.entrypoint().pid();
    for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
      if (line.startsWith("Uid:")) {
        return line.split("\\s+")[1];
      }
    }
    throw new IllegalStateException("no Uid line for " + pid);
  }

  private static void assumeRunnable() {
    assumeTrue(
        ContainerProcess.supported(),
        "starting an image needs root and util-linux unshare (CI runs as root); the config tests ran");
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      return socket.getLocalPort();
    }
  }

  private static String kubeconfig(String server) {
    return """
        apiVersion: v1
        kind: Config
        clusters:
        - name: test
          cluster:
            server: %s
        users:
        - name: test
          user:
            token: test
        contexts:
        - name: test
          context:
            cluster: test
            user: test
            namespace: default
        current-context: test
        """
        .formatted(server);
  }
}
