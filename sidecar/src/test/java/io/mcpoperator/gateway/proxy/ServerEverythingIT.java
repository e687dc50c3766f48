package io.mcpoperator.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.mcpoperator.gateway.Gateway;
import io.mcpoperator.gateway.testing.Configs;
import io.mcpoperator.gateway.testing.TestPeers;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The official SDK client through the gateway to {@code @modelcontextprotocol/server-everything}
 * over stdio. Needs the test peers ({@code bash hack/install-test-peers.sh}, prefix {@code
 * MCP_TEST_NPM_DIR}, default {@code ~/.cache/mcp-operator/npm}); skipped otherwise.
 */
@org.junit.jupiter.api.Timeout(180)
class ServerEverythingIT {
  static final Path SERVER = TestPeers.serverEverything();

  @Test
  void sdkClientUsesServerEverythingThroughTheGateway() {
    var node = TestPeers.node();
    assumeTrue(node.isPresent(), "node is not installed: skipping server-everything tests");
    assumeTrue(
        Files.exists(SERVER),
        "server-everything missing at "
            + SERVER
            + ": run bash hack/install-test-peers.sh (or set MCP_TEST_NPM_DIR)");
    try (Gateway gateway =
        Gateway.start(
            Configs.stdio(List.of(node.get(), SERVER.toString(), "stdio"), 30_000), "127.0.0.1")) {
      await().atMost(Duration.ofSeconds(60)).until(gateway::ready);
      List<McpSchema.ProgressNotification> progress = new CopyOnWriteArrayList<>();
      var transport =
          HttpClientStreamableHttpTransport.builder("http://127.0.0.1:" + gateway.port()).build();
      try (McpSyncClient client =
          McpClient.sync(transport)
              .requestTimeout(Duration.ofSeconds(30))
              .progressConsumer(progress::add)
              .build()) {
        assertThat(client.initialize().serverInfo().name()).contains("everything");
        assertThat(client.listTools().tools())
            .extracting(McpSchema.Tool::name)
            .contains("echo", "get-sum");
        var echo = client.callTool(new McpSchema.CallToolRequest("echo", Map.of("message", "hi")));
        assertThat(((McpSchema.TextContent) echo.content().getFirst()).text()).contains("hi");
        var sum = client.callTool(new McpSchema.CallToolRequest("get-sum", Map.of("a", 2, "b", 3)));
        assertThat(((McpSchema.TextContent) sum.content().getFirst()).text()).contains("5");
        client.callTool(
            McpSchema.CallToolRequest.builder()
                .name("trigger-long-running-operation")
                .arguments(Map.of("duration", 1, "steps", 2))
                .progressToken("p")
                .build());
        // the SDK client hands notifications to consumers asynchronously
        await()
            .untilAsserted(
                () ->
                    assertThat(progress)
                        .isNotEmpty()
                        .allSatisfy(p -> assertThat(p.progressToken()).isEqualTo("p")));
        assertThat(client.listPrompts().prompts()).isNotEmpty();
        assertThat(client.listResources().resources()).isNotEmpty();
      }
    }
  }
}
