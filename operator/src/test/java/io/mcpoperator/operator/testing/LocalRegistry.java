package io.mcpoperator.operator.testing;

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
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A real CNCF distribution registry (Debian's {@code docker-registry}) on 127.0.0.1, with its
 * storage in a temporary directory, optionally behind htpasswd Basic auth. Tests that need one skip
 * when the binary is not installed.
 */
public final class LocalRegistry implements AutoCloseable {
  private static final Path BINARY = Path.of("/usr/bin/docker-registry");

  private final Process process;
  private final Path dir;
  private final int port;
  private final Optional<String> pushAuth;
  private final HttpClient http = HttpClient.newHttpClient();

  private LocalRegistry(Process process, Path dir, int port, Optional<String> pushAuth) {
    this.process = process;
    this.dir = dir;
    this.port = port;
    this.pushAuth = pushAuth;
  }

  /** Skips the calling test when the registry binary is missing. */
  public static void assumeInstalled() {
    assumeTrue(
        Files.isExecutable(BINARY),
        "docker-registry is not installed (apt-get install docker-registry)");
  }

  /** A registry anyone may read and write. */
  public static LocalRegistry start() throws Exception {
    return start(Optional.empty());
  }

  /**
   * A registry that asks for Basic auth: {@code htpasswd} is a line {@code user:bcrypt-hash};
   * {@code pushAuth} the Authorization header the test pushes with.
   */
  public static LocalRegistry startWithBasicAuth(String htpasswd, String pushAuth)
      throws Exception {
    return start(Optional.of(new String[] {htpasswd, pushAuth}));
  }

  private static LocalRegistry start(Optional<String[]> auth) throws Exception {
    assumeInstalled();
    Path dir = Files.createTempDirectory("registry");
    int port = freePort();
    String authConfig = "";
    if (auth.isPresent()) {
      Path htpasswd = dir.resolve("htpasswd");
      Files.writeString(htpasswd, auth.get()[0] + "\n");
      authConfig =
          """
          auth:
            htpasswd:
              realm: test-registry
              path: %s
          """
              .formatted(htpasswd);
    }
    Path config = dir.resolve("config.yml");
    Files.writeString(
        config,
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
        %s"""
            .formatted(dir.resolve("data"), port, authConfig));
    Process process =
        new ProcessBuilder(BINARY.toString(), "serve", config.toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("registry.log").toFile())
            .start();
    LocalRegistry registry = new LocalRegistry(process, dir, port, auth.map(a -> a[1]));
    registry.awaitUp();
    return registry;
  }

  private void awaitUp() throws Exception {
    await()
        .alias("docker-registry answers on port " + port)
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(50))
        .until(
            () -> {
              if (!process.isAlive()) {
                throw new IllegalStateException(
                    "docker-registry exited: " + Files.readString(dir.resolve("registry.log")));
              }
              try {
                int status =
                    http.send(
                            HttpRequest.newBuilder(URI.create(url("/v2/"))).build(),
                            HttpResponse.BodyHandlers.discarding())
                        .statusCode();
                return status == 200 || status == 401;
              } catch (IOException notYet) {
                return false;
              }
            });
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  /** {@code 127.0.0.1:PORT}, the registry part of image references. */
  public String address() {
    return "127.0.0.1:" + port;
  }

  public String url(String path) {
    return "http://" + address() + path;
  }

  /** Uploads a blob (monolithic upload: POST, then PUT with the digest). */
  public void pushBlob(String repository, byte[] blob) throws Exception {
    HttpResponse<String> started =
        send(
            HttpRequest.newBuilder(URI.create(url("/v2/" + repository + "/blobs/uploads/")))
                .POST(HttpRequest.BodyPublishers.noBody()));
    check(started, 202);
    String location = started.headers().firstValue("Location").orElseThrow();
    URI upload = URI.create(url("/")).resolve(location);
    String separator = upload.getQuery() == null ? "?" : "&";
    HttpResponse<String> done =
        send(
            HttpRequest.newBuilder(
                    URI.create(upload + separator + "digest=" + TestImages.digest(blob)))
                .header("Content-Type", "application/octet-stream")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(blob)));
    check(done, 201);
  }

  /** Stores a manifest (or index) under a tag or digest. */
  public void pushManifest(String repository, String reference, String mediaType, byte[] body)
      throws Exception {
    check(
        send(
            HttpRequest.newBuilder(URI.create(url("/v2/" + repository + "/manifests/" + reference)))
                .header("Content-Type", mediaType)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body))),
        201);
  }

  /** Pushes an image's blobs and manifest (and the platform images of an index first). */
  public void push(String repository, String tag, TestImages.Image image) throws Exception {
    for (TestImages.Image platform : image.platforms()) {
      push(repository, platform.digest(), platform);
    }
    for (byte[] blob : image.blobs()) {
      pushBlob(repository, blob);
    }
    pushManifest(repository, tag, image.mediaType(), image.manifest());
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    pushAuth.ifPresent(a -> request.header("Authorization", a));
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static void check(HttpResponse<String> response, int expected) {
    if (response.statusCode() != expected) {
      throw new IllegalStateException(
          response.request().method()
              + " "
              + response.uri()
              + " answered "
              + response.statusCode()
              + ": "
              + response.body());
    }
  }

  @Override
  public void close() throws IOException {
    process.destroy();
    try {
      if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    http.close();
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
