package io.mcpoperator.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.mcpoperator.gateway.testing.FakeUpstream;
import io.mcpoperator.gateway.testing.FifoShim;
import io.mcpoperator.gateway.testing.ReadmeGateway;
import io.mcpoperator.gateway.testing.StatelessFixture;
import io.mcpoperator.mcp.jsonrpc.Json;
import io.mcpoperator.mcp.testing.EchoBackend;
import io.mcpoperator.mcp.testing.TestServer;
import io.mcpoperator.mcp.transport.McpHttpEndpoint;
import io.mcpoperator.testsupport.ReadmeCommand;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every line of sidecar/README.md's gateway block, run as written in a clean shell (no JAVA_HOME,
 * JDK 17 first on PATH) against the upstream it names, then used as an MCP client uses it:
 * initialize and {@code tools/list} list the upstream's tools. What a test must substitute, it
 * substitutes: the upstream's address (127.0.0.1:3001 may be taken; the fixture listens where it
 * can), the config file and FIFO directory (temporary ones instead of /etc and /var/run), the Redis
 * URL (the test Redis), the listen port when 8090 is busy, and MCP_GATEWAY_HOST=127.0.0.1 (the
 * documented fallback of --host) so nothing listens beyond loopback.
 */
class GatewayReadmeLinesIT {
  private static final String LAUNCHER = "sidecar/target/mcp-gateway/bin/mcp-gateway";
  private static final String UPSTREAM = "http://127.0.0.1:3001";

  @TestFactory
  Stream<DynamicTest> everyLineOfTheGatewayBlockServesAnMcpClient() {
    List<String> lines =
        ReadmeCommand.linesIn(ReadmeGateway.ROOT.resolve("sidecar/README.md"), "gateway-lines");
    assertThat(lines).hasSizeGreaterThanOrEqualTo(7).allMatch(l -> l.startsWith(LAUNCHER + " "));
    Stream<DynamicTest> asWritten =
        lines.stream().map(line -> DynamicTest.dynamicTest(line, () -> run(line)));
    // the first line's comment: "or env MCP_GATEWAY_CONFIG"
    Stream<DynamicTest> configFromEnv =
        Stream.of(DynamicTest.dynamicTest("MCP_GATEWAY_CONFIG=… " + LAUNCHER, this::configFromEnv));
    return Stream.concat(asWritten, configFromEnv);
  }

  private void run(String line) throws Exception {
    if (line.contains("--config ")) {
      assertThat(line).isEqualTo(LAUNCHER + " --config /etc/mcp-gateway/config.json");
      Path dir = Files.createTempDirectory("readme-config");
      int port = ReadmeCommand.documentedOrFree(8090);
      Path config = writeConfig(dir, port);
      serves(line.replace("/etc/mcp-gateway/config.json", config.toString()), port, Map.of());
    } else if (line.contains("--upstream-command ")) {
      ReadmeQuickStartIT.assumePeers();
      int port = ReadmeCommand.documentedOrFree(8090);
      String command = line.replace("--port 8090", "--port " + port);
      assertThat(listTools(command, port, Map.of())).contains(ReadmeQuickStartIT.EVERYTHING_TOOLS);
    } else if (line.contains("--fifo-dir ")) {
      Path dir = Files.createTempDirectory("readme-fifo");
      Process shim = FifoShim.start(dir);
      try {
        serves(line.replace("/var/run/mcp-stdio", dir.toString()), Map.of());
      } finally {
        ReadmeCommand.stopTree(shim);
      }
    } else if (line.contains("--upstream-protocol 2026-07-28")) {
      try (StatelessFixture upstream =
          new StatelessFixture(StatelessFixture.Refusal.METHOD_NOT_FOUND)) {
        serves(line.replace(UPSTREAM + "/mcp", upstream.uri()), Map.of());
        assertThat(upstream.received())
            .as("with --upstream-protocol 2026-07-28 the gateway never initializes upstream")
            .extracting(StatelessFixture.Received::method)
            .contains("tools/list")
            .doesNotContain("initialize");
      }
    } else if (line.contains("--redis ")) {
      String redis = System.getenv("MCP_TEST_REDIS_URL");
      assumeTrue(
          redis != null && !redis.isBlank(),
          "README --redis line not run: set MCP_TEST_REDIS_URL (e.g. redis://127.0.0.1:6379)");
      try (TestServer upstream = echoServer()) {
        String command =
            line.replace(UPSTREAM, upstream.baseUri()).replace("redis://127.0.0.1:6379", redis);
        serves(command, Map.of());
      }
    } else if (line.contains("--upstream-url " + UPSTREAM)) {
      try (TestServer upstream = echoServer()) {
        serves(line.replace(UPSTREAM, upstream.baseUri()), Map.of());
      }
    } else {
      fail("GatewayReadmeLinesIT has no way to run this README line yet: " + line);
    }
  }

  private void configFromEnv() throws Exception {
    Path dir = Files.createTempDirectory("readme-config");
    int port = ReadmeCommand.documentedOrFree(8090);
    Path config = writeConfig(dir, port);
    serves(LAUNCHER, port, Map.of("MCP_GATEWAY_CONFIG", config.toString()));
  }

  /** A configuration as the operator writes it: a stdio upstream, listening on {@code port}. */
  private static Path writeConfig(Path dir, int port) throws Exception {
    var command = Json.array();
    FakeUpstream.command().forEach(command::add);
    Path file = dir.resolve("config.json");
    Files.writeString(
        file,
        Json.write(
            Json.object()
                .add("listen", Json.object().add("port", port))
                .add("upstream", Json.object().add("transport", "stdio").add("command", command))
                .build()));
    return file;
  }

  private static TestServer echoServer() {
    return new TestServer(McpHttpEndpoint.builder().backend(new EchoBackend()).build());
  }

  /** A line without --port listens on the default 8090; when that is busy, on a free port. */
  private static void serves(String command, Map<String, String> env) throws Exception {
    int port = ReadmeCommand.documentedOrFree(8090);
    serves(port == 8090 ? command : command + " --port " + port, port, env);
  }

  /** The gateway lists the fixture upstream's tools and reports itself ready. */
  private static void serves(String command, int port, Map<String, String> env) throws Exception {
    assertThat(listTools(command, port, env)).contains("\"echo\"");
  }

  private static String listTools(String command, int port, Map<String, String> env)
      throws Exception {
    Map<String, String> all = new HashMap<>(env);
    all.put("MCP_GATEWAY_HOST", "127.0.0.1");
    try (ReadmeGateway gateway = ReadmeGateway.start(command, port, all);
        HttpClient http = HttpClient.newHttpClient()) {
      HttpResponse<String> tools = gateway.listTools(http);
      assertThat(tools.statusCode()).as(tools.body()).isEqualTo(200);
      HttpResponse<String> ready =
          http.send(
              HttpRequest.newBuilder(
                      URI.create("http://127.0.0.1:" + port + "/observe/health/ready"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(ready.statusCode()).as("ready: %s", ready.body()).isEqualTo(200);
      return tools.body();
    }
  }
}
