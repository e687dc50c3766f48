package io.mcpoperator.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.mcpoperator.gateway.testing.ReadmeGateway;
import io.mcpoperator.gateway.testing.TestPeers;
import io.mcpoperator.testsupport.ReadmeCommand;
import java.io.IOException;
import java.net.http.HttpClient;
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
  private static final String PEERS_MISSING =
      "README gateway quick start not run: server-everything or Node 22 missing, run bash"
          + " hack/install-test-peers.sh (or set MCP_TEST_NPM_DIR)";
  // The README's upstream, npx -y @modelcontextprotocol/server-everything, is server-everything's
  // stdio server; its tools include these.
  static final String[] EVERYTHING_TOOLS = {"\"echo\"", "\"get-sum\""};

  @Test
  void theGatewayLineAsWrittenServesServerEverythingsToolsToAnMcpClient() throws Exception {
    assumePeers();
    try (ReadmeGateway gateway = startGateway();
        HttpClient http = HttpClient.newHttpClient()) {
      HttpResponse<String> tools = gateway.listTools(http);

      assertThat(tools.statusCode()).as(tools.body()).isEqualTo(200);
      assertThat(tools.body()).contains(EVERYTHING_TOOLS);
    }
  }

  @Test
  void theInspectorCliLineListsTheGatewaysTools() throws Exception {
    assumePeers();
    assumeTrue(
        Files.isDirectory(TestPeers.inspector()),
        "README Inspector CLI line not run: @modelcontextprotocol/inspector missing, run bash"
            + " hack/install-test-peers.sh (or set MCP_TEST_NPM_DIR)");
    String line = ReadmeCommand.marked(ReadmeGateway.ROOT, "inspector-cli");
    String readmeUrl = "http://localhost:8080/mcp";
    assertThat(line).startsWith("npx @modelcontextprotocol/inspector --cli ").contains(readmeUrl);
    try (ReadmeGateway gateway = startGateway();
        HttpClient http = HttpClient.newHttpClient()) {
      gateway.awaitInitialize(http);
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
    }
  }

  static void assumePeers() {
    assumeTrue(
        TestPeers.node22().isPresent()
            && Files.exists(TestPeers.prefix().resolve("node_modules/.bin/mcp-server-everything")),
        PEERS_MISSING);
  }

  /** The README's gateway line, on 8090 when it is free (other builds share this host). */
  private static ReadmeGateway startGateway() throws IOException {
    String line = ReadmeCommand.marked(ReadmeGateway.ROOT, "gateway");
    assertThat(line)
        .startsWith("sidecar/target/mcp-gateway/bin/mcp-gateway ")
        .contains("--port 8090", "npx -y @modelcontextprotocol/server-everything");
    int port = ReadmeCommand.documentedOrFree(8090);
    return ReadmeGateway.start(line.replace("--port 8090", "--port " + port), port, Map.of());
  }

  /** The Inspector line, from a directory whose node_modules are the installed peers. */
  private static Process start(String command, Path out, Path err) throws IOException {
    Path dir = Files.createTempDirectory("readme-root");
    Files.createSymbolicLink(
        dir.resolve("node_modules"), TestPeers.prefix().resolve("node_modules"));
    Path node22 = TestPeers.node22().orElseThrow().getParent();
    return ReadmeCommand.start(
        command, dir, node22, Map.of("npm_config_offline", "true"), out, err);
  }
}
