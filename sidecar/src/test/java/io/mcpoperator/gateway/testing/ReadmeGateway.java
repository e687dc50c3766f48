package io.mcpoperator.gateway.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mcpoperator.testsupport.ReadmeCommand;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A gateway command from a README, started as a user at the repository root starts it: {@code sh
 * -c} in a clean shell (no JAVA_HOME, JDK 17 first on PATH), then used as an MCP client uses it.
 */
public final class ReadmeGateway implements AutoCloseable {
  /** The repository root (tests run in {@code sidecar/}). */
  public static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  private final Process process;
  private final int port;
  private final Path out;
  private final Path err;

  private ReadmeGateway(Process process, int port, Path out, Path err) {
    this.process = process;
    this.port = port;
    this.out = out;
    this.err = err;
  }

  /**
   * Starts {@code command}, which listens on {@code port}, from a directory that stands for the
   * repository root: it links {@code sidecar/} and, when the npm peers are installed, holds {@code
   * node_modules} → them, so {@code npx} finds its package there. Node 22 comes first on PATH when
   * installed, and npm is told it is offline: the build never downloads (npx fails instead).
   */
  public static ReadmeGateway start(String command, int port, Map<String, String> env)
      throws IOException {
    Path dir = Files.createTempDirectory("readme-root");
    Files.createSymbolicLink(dir.resolve("sidecar"), ROOT.resolve("sidecar"));
    Path modules = TestPeers.prefix().resolve("node_modules");
    if (Files.isDirectory(modules)) {
      Files.createSymbolicLink(dir.resolve("node_modules"), modules);
    }
    Path node22 = TestPeers.node22().map(Path::getParent).orElse(null);
    Map<String, String> all = new java.util.HashMap<>(env);
    all.put("npm_config_offline", "true");
    Path out = Files.createTempFile("gateway-out", ".txt");
    Path err = Files.createTempFile("gateway-err", ".txt");
    return new ReadmeGateway(
        ReadmeCommand.start(command, dir, node22, all, out, err), port, out, err);
  }

  public int port() {
    return port;
  }

  public URI mcp() {
    return URI.create("http://127.0.0.1:" + port + "/mcp");
  }

  public String stderr() throws IOException {
    return Files.readString(err);
  }

  /**
   * Waits (up to 60 s) until the gateway answers {@code initialize} with 200, as a 2025-06-18
   * client sends it, and returns that answer.
   */
  public HttpResponse<String> awaitInitialize(HttpClient http) throws Exception {
    String initialize =
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
            + "{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},"
            + "\"clientInfo\":{\"name\":\"readme\",\"version\":\"1\"}}}";
    var answered = new java.util.concurrent.atomic.AtomicReference<HttpResponse<String>>();
    await()
        .alias("the gateway answers initialize")
        .atMost(java.time.Duration.ofSeconds(60))
        .pollInterval(java.time.Duration.ofMillis(100))
        .ignoreExceptionsInstanceOf(IOException.class)
        .until(
            () -> {
              assertThat(process.isAlive()).as("stderr: %s", stderr()).isTrue();
              answered.set(post(http, null, initialize));
              return answered.get().statusCode() == 200;
            });
    HttpResponse<String> answer = answered.get();
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    assertThat(answer.body()).contains("serverInfo");
    return answer;
  }

  /**
   * What an MCP client does first: initialize, the initialized notification, then {@code
   * tools/list}, whose answer is returned.
   */
  public HttpResponse<String> listTools(HttpClient http) throws Exception {
    HttpResponse<String> initialize = awaitInitialize(http);
    String session = initialize.headers().firstValue("Mcp-Session-Id").orElseThrow();
    post(http, session, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
    return post(http, session, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}");
  }

  public HttpResponse<String> post(HttpClient http, String session, String body)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(mcp())
            .header("Content-Type", "application/json")
            .header("Accept", "application/json, text/event-stream")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (session != null) {
      request.header("Mcp-Session-Id", session);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Stops the gateway and everything it started (java, npx, node), by PID. */
  @Override
  public void close() throws Exception {
    ReadmeCommand.stopTree(process);
    Files.deleteIfExists(out);
    Files.deleteIfExists(err);
  }
}
