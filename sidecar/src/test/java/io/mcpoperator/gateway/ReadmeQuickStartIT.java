package io.mcpoperator.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.mcpoperator.gateway.testing.TestPeers;
import io.mcpoperator.testsupport.ReadmeCommand;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * README.md's gateway quick start and its Inspector CLI line, run as written in a clean shell (no
 * JAVA_HOME, JDK 17 first on PATH), then used as a user uses them: an MCP client lists
 * server-everything's tools through the gateway.
 */
class ReadmeQuickStartIT {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final String PEERS_MISSING =
      "README gateway quick start not run: server-everything or Node 22 missing, run bash"
          + " hack/install-test-peers.sh (or set MCP_TEST_NPM_DIR)";
  // The README's upstream, npx -y @modelcontextprotocol/server-everything, is server-everything's
  // stdio server; its tools include these.
  private static final String[] EVERYTHING_TOOLS = {"\"echo\"", "\"get-sum\""};

  private record Gateway(Process process, int port, Path out, Path err) {}

  @Test
  void theGatewayLineAsWrittenServesServerEverythingsToolsToAnMcpClient() throws Exception {
    assumePeers();
    Gateway gateway = startGateway();
    try (HttpClient http = HttpClient.newHttpClient()) {
      URI mcp = URI.create("http://127.0.0.1:" + gateway.port() + "/mcp");
      HttpResponse<String> initialize = awaitInitialize(http, mcp, gateway);
      String session = initialize.headers().firstValue("Mcp-Session-Id").orElseThrow();
      post(http, mcp, session, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
      HttpResponse<String> tools =
          post(http, mcp, session, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}");

      assertThat(tools.statusCode()).as(tools.body()).isEqualTo(200);
      assertThat(tools.body()).contains(EVERYTHING_TOOLS);
    } finally {
      stop(gateway);
    }
  }

  @Test
  void theInspectorCliLineListsTheGatewaysTools() throws Exception {
    assumePeers();
    assumeTrue(
        Files.isDirectory(TestPeers.inspector()),
        "README Inspector CLI line not run: @modelcontextprotocol/inspector missing, run bash"
            + " hack/install-test-peers.sh (or set MCP_TEST_NPM_DIR)");
    String line = ReadmeCommand.marked(ROOT, "inspector-cli");
    String readmeUrl = "http://localhost:8080/mcp";
    assertThat(line).startsWith("npx @modelcontextprotocol/inspector --cli ").contains(readmeUrl);
    Gateway gateway = startGateway();
    try {
      awaitInitialize(HttpClient.newHttpClient(), gatewayUri(gateway), gateway);
      // The README's 8080 is a port-forward to a cluster's Service; the gateway quick start stands
      // in for it here, on its own port.
      String command = line.replace(readmeUrl, "http://localhost:" + gateway.port() + "/mcp");
      Path out = Files.createTempFile("inspector-out", ".txt");
      Path err = Files.createTempFile("inspector-err", ".txt");
      Process inspector = start(command, out, err);
      try {
        assertThat(inspector.waitFor(120, TimeUnit.SECONDS)).as("the Inspector exits").isTrue();
        assertThat(inspector.exitValue()).as(Files.readString(err)).isZero();
        assertThat(Files.readString(out)).contains("\"tools\"").contains(EVERYTHING_TOOLS);
      } finally {
        ReadmeCommand.stopTree(inspector);
        Files.delete(out);
        Files.delete(err);
      }
    } finally {
      stop(gateway);
    }
  }

  private static void assumePeers() {
    assumeTrue(
        TestPeers.node22().isPresent()
            && Files.exists(TestPeers.prefix().resolve("node_modules/.bin/mcp-server-everything")),
        PEERS_MISSING);
  }

  /** The README's gateway line, on 8090 when it is free (other builds share this host). */
  private static Gateway startGateway() throws IOException {
    String line = ReadmeCommand.marked(ROOT, "gateway");
    assertThat(line)
        .startsWith("sidecar/target/mcp-gateway/bin/mcp-gateway ")
        .contains("--port 8090", "npx -y @modelcontextprotocol/server-everything");
    int port = ReadmeCommand.documentedOrFree(8090);
    Path out = Files.createTempFile("gateway-out", ".txt");
    Path err = Files.createTempFile("gateway-err", ".txt");
    return new Gateway(
        start(line.replace("--port 8090", "--port " + port), out, err), port, out, err);
  }

  /**
   * Starts {@code command} as a user at the repository root would, except that the directory also
   * holds node_modules → the installed peers, so npx finds its package there; Node 22 comes first
   * on PATH, and npm is told it is offline: the build never downloads (npx fails instead).
   */
  private static Process start(String command, Path out, Path err) throws IOException {
    Path dir = Files.createTempDirectory("readme-root");
    Files.createSymbolicLink(dir.resolve("sidecar"), ROOT.resolve("sidecar"));
    Files.createSymbolicLink(
        dir.resolve("node_modules"), TestPeers.prefix().resolve("node_modules"));
    Path node22 = TestPeers.node22().orElseThrow().getParent();
    return ReadmeCommand.start(
        command, dir, node22, Map.of("npm_config_offline", "true"), out, err);
  }

  private static URI gatewayUri(Gateway gateway) {
    return URI.create("http://127.0.0.1:" + gateway.port() + "/mcp");
  }

  private static HttpResponse<String> awaitInitialize(HttpClient http, URI mcp, Gateway gateway)
      throws Exception {
    String initialize =
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
            + "{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},"
            + "\"clientInfo\":{\"name\":\"readme\",\"version\":\"1\"}}}";
    HttpResponse<String> answer = null;
    for (int i = 0; i < 600 && gateway.process().isAlive(); i++) {
      try {
        answer = post(http, mcp, null, initialize);
        if (answer.statusCode() == 200) {
          break;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(100);
    }
    assertThat(answer)
        .as("the gateway answered initialize; stderr: %s", Files.readString(gateway.err()))
        .isNotNull();
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    assertThat(answer.body()).contains("serverInfo");
    return answer;
  }

  private static HttpResponse<String> post(HttpClient http, URI mcp, String session, String body)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(mcp)
            .header("Content-Type", "application/json")
            .header("Accept", "application/json, text/event-stream")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (session != null) {
      request.header("Mcp-Session-Id", session);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static void stop(Gateway gateway) throws Exception {
    ReadmeCommand.stopTree(gateway.process());
    Files.delete(gateway.out());
    Files.delete(gateway.err());
  }
}
