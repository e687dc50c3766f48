package io.mcpoperator.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * {@code BuildImages --push} against a real registry (Debian's docker-registry, the CNCF
 * distribution registry) on loopback: the images arrive with their config, and the registry holds
 * the shared runtime layer once.
 */
class ImagePushIT {

  static final Path REGISTRY = Path.of("/usr/bin/docker-registry");
  static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void pushedImagesCarryTheirConfigAndShareTheRuntimeLayer() throws Exception {
    assumeTrue(
        Files.isExecutable(REGISTRY), "docker-registry is not installed (.ci/run installs it)");
    Path dir = Files.createDirectories(Path.of("target/image-push-it"));
    int port = freePort();
    Files.writeString(
        dir.resolve("config.yml"),
        """
        version: 0.1
        log:
          level: error
          accesslog:
            disabled: true
        storage:
          filesystem:
            rootdirectory: %s
        http:
          addr: 127.0.0.1:%d
        """
            .formatted(dir.toAbsolutePath().resolve("data"), port));
    Process registry =
        new ProcessBuilder(REGISTRY.toString(), "serve", dir.resolve("config.yml").toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("registry.log").toFile())
            .start();
    try {
      awaitUp(port);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ByteArrayOutputStream err = new ByteArrayOutputStream();

      int exit =
          BuildImages.run(
              new String[] {
                "--project",
                System.getProperty("project.root", ".."),
                "--version",
                "0.1.0-SNAPSHOT",
                "--output",
                dir.resolve("images").toString(),
                "--push",
                "127.0.0.1:" + port + "/mcp"
              },
              new PrintStream(out, true, StandardCharsets.UTF_8),
              new PrintStream(err, true, StandardCharsets.UTF_8));

      assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
      assertThat(out.toString(StandardCharsets.UTF_8))
          .contains("pushed 127.0.0.1:" + port + "/mcp/mcp-gateway:0.1.0@sha256:");
      JsonNode gateway = manifest(port, "mcp/mcp-gateway");
      JsonNode operator = manifest(port, "mcp/mcp-operator");
      JsonNode config =
          JSON.readTree(
                  get(
                      port,
                      "/v2/mcp/mcp-gateway/blobs/" + gateway.get("config").get("digest").asText(),
                      "*/*"))
              .get("config");
      assertThat(config.get("User").asText()).isEqualTo("65532:65532");
      assertThat(config.get("Entrypoint").get(0).asText()).isEqualTo("/opt/java/openjdk/bin/java");
      assertThat(gateway.get("layers").get(0).get("digest"))
          .as("one runtime layer for all images")
          .isEqualTo(operator.get("layers").get(0).get("digest"));
    } finally {
      registry.destroy();
      registry.waitFor();
    }
  }

  private JsonNode manifest(int port, String repository) throws Exception {
    return JSON.readTree(
        get(
            port,
            "/v2/" + repository + "/manifests/0.1.0",
            "application/vnd.docker.distribution.manifest.v2+json"));
  }

  private String get(int port, String path, String accept) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Accept", accept)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
    return response.body();
  }

  private void awaitUp(int port) {
    await()
        .alias("docker-registry answers on port " + port)
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(50))
        .ignoreExceptionsInstanceOf(IOException.class)
        .until(
            () ->
                http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v2/"))
                            .build(),
                        HttpResponse.BodyHandlers.discarding())
                    != null);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      return socket.getLocalPort();
    }
  }
}
