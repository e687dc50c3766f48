package io.mcpoperator.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.mcpoperator.mcp.testing.EchoBackend;
import io.mcpoperator.mcp.testing.TestServer;
import io.mcpoperator.mcp.transport.McpHttpEndpoint;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The official MCP Java SDK client against the endpoint, for each session-based revision. */
@org.junit.jupiter.api.Timeout(180)
class McpHttpEndpointSdkIT {
  private final EchoBackend backend = new EchoBackend();
  private TestServer server;

  @BeforeEach
  void start() {
    server = new TestServer(McpHttpEndpoint.builder().backend(backend).build());
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private McpSyncClient client(String version, McpClient.SyncSpec customizer) {
    return customizer.build();
  }

  private McpClient.SyncSpec spec(String version) {
    var transport =
        HttpClientStreamableHttpTransport.builder(server.baseUri())
            .endpoint("/mcp")
            .supportedProtocolVersions(List.of(version))
            .build();
    return McpClient.sync(transport).requestTimeout(Duration.ofSeconds(10));
  }

  @ParameterizedTest
  @ValueSource(strings = {"2025-03-26", "2025-06-18", "2025-11-25"})
  void sdkClientInitializesListsAndCallsTools(String version) {
    try (McpSyncClient client = spec(version).build()) {
      var init = client.initialize();
      assertThat(init.protocolVersion()).isEqualTo(version);
      assertThat(init.serverInfo().name()).isEqualTo("echo");
      assertThat(init.instructions()).isEqualTo("Echoes things");
      assertThat(client.listTools().tools())
          .extracting(McpSchema.Tool::name)
          .containsExactly("echo");
      var result = client.callTool(new McpSchema.CallToolRequest("echo", Map.of("text", "hi")));
      assertThat(((McpSchema.TextContent) result.content().getFirst()).text()).isEqualTo("hi");
      client.ping();
      client.setLoggingLevel(McpSchema.LoggingLevel.WARNING);
    }
  }

  @Test
  void progressNotificationsReachTheClientBeforeTheResult() {
    List<McpSchema.ProgressNotification> progress = new CopyOnWriteArrayList<>();
    try (McpSyncClient client = spec("2025-11-25").progressConsumer(progress::add).build()) {
      client.initialize();
      var result =
          client.callTool(
              McpSchema.CallToolRequest.builder()
                  .name("progress")
                  .arguments(Map.of())
                  .progressToken("tok-1")
                  .build());
      assertThat(((McpSchema.TextContent) result.content().getFirst()).text()).isEqualTo("done");
      // the SDK client hands each notification to the consumer on its own task, so the order the
      // consumer sees is not the wire order (StreamableHttpBehaviourIT asserts the wire order)
      await()
          .untilAsserted(
              () ->
                  assertThat(progress)
                      .extracting(McpSchema.ProgressNotification::progress)
                      .containsExactlyInAnyOrder(1.0, 2.0));
    }
  }

  @Test
  void samplingRequestIsAnsweredByTheClient() {
    try (McpSyncClient client =
        spec("2025-06-18")
            .capabilities(McpSchema.ClientCapabilities.builder().sampling().build())
            .sampling(
                request ->
                    McpSchema.CreateMessageResult.builder()
                        .content(new McpSchema.TextContent("sampled"))
                        .model("m")
                        .build())
            .build()) {
      client.initialize();
      var result = client.callTool(new McpSchema.CallToolRequest("sample", Map.of()));
      assertThat(((McpSchema.TextContent) result.content().getFirst()).text()).contains("sampled");
    }
  }

  @Test
  void backendErrorsBecomeJsonRpcErrors() {
    try (McpSyncClient client = spec("2025-11-25").build()) {
      client.initialize();
      assertThatThrownBy(() -> client.callTool(new McpSchema.CallToolRequest("nope", Map.of())))
          .hasMessageContaining("unknown tool nope");
      assertThatThrownBy(() -> client.callTool(new McpSchema.CallToolRequest("boom", Map.of())))
          .as("the client learns that it failed, not the server's files or PATH")
          .hasMessageContaining("Internal error (the gateway log has the cause)")
          .hasMessageNotContaining("/tmp")
          .hasMessageNotContaining("PATH");
    }
  }
}
