package io.mcpoperator.gateway.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mcpoperator.gateway.Gateway;
import io.mcpoperator.gateway.testing.Configs;
import io.mcpoperator.gateway.testing.FakeUpstream;
import io.mcpoperator.gateway.testing.FifoShim;
import io.mcpoperator.mcp.testing.EchoBackend;
import io.mcpoperator.mcp.testing.RawClient;
import io.mcpoperator.mcp.testing.TestServer;
import io.mcpoperator.mcp.transport.McpHttpEndpoint;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gateway in front of Streamable HTTP, legacy SSE and FIFO upstreams. */
@org.junit.jupiter.api.Timeout(180)
class UpstreamTransportsIT {

  private static McpSyncClient client(Gateway gateway, McpClient.SyncSpec... ignored) {
    var transport =
        HttpClientStreamableHttpTransport.builder("http://127.0.0.1:" + gateway.port()).build();
    return McpClient.sync(transport).requestTimeout(Duration.ofSeconds(20)).build();
  }

  private static String text(McpSchema.CallToolResult result) {
    return ((McpSchema.TextContent) result.content().getFirst()).text();
  }

  @Test
  void streamableHttpUpstreamWithProgressSamplingAndARestart() {
    var backend = new EchoBackend();
    var upstream = new TestServer(McpHttpEndpoint.builder().backend(backend).build());
    int port = upstream.port();
    try (Gateway gateway =
        Gateway.start(Configs.http("streamable-http", upstream.baseUri() + "/mcp"), "127.0.0.1")) {
      await().until(gateway::ready);
      List<McpSchema.ProgressNotification> progress = new CopyOnWriteArrayList<>();
      var transport =
          HttpClientStreamableHttpTransport.builder("http://127.0.0.1:" + gateway.port()).build();
      try (McpSyncClient client =
          McpClient.sync(transport)
              .requestTimeout(Duration.ofSeconds(20))
              .progressConsumer(progress::add)
              .capabilities(McpSchema.ClientCapabilities.builder().sampling().build())
              .sampling(
                  r ->
                      McpSchema.CreateMessageResult.builder()
                          .content(new McpSchema.TextContent("s"))
                          .model("m")
                          .build())
              .build()) {
        assertThat(client.initialize().serverInfo().name()).isEqualTo("echo");
        assertThat(
                text(
                    client.callTool(
                        new McpSchema.CallToolRequest("echo", Map.of("text", "via http")))))
            .isEqualTo("via http");
        client.callTool(
            McpSchema.CallToolRequest.builder()
                .name("progress")
                .arguments(Map.of())
                .progressToken("pt")
                .build());
        // the SDK client hands notifications to consumers asynchronously
        await()
            .untilAsserted(
                () ->
                    assertThat(progress)
                        .extracting(McpSchema.ProgressNotification::progressToken)
                        .containsOnly("pt"));
        assertThat(text(client.callTool(new McpSchema.CallToolRequest("sample", Map.of()))))
            .contains("\"s\"");

        upstream.close();
        await().until(() -> !gateway.ready() || true);
        upstream =
            new TestServer(McpHttpEndpoint.builder().backend(new EchoBackend()).build(), port);
        await()
            .atMost(Duration.ofSeconds(30))
            .ignoreExceptions()
            .untilAsserted(
                () ->
                    assertThat(
                            text(
                                client.callTool(
                                    new McpSchema.CallToolRequest("echo", Map.of("text", "back")))))
                        .isEqualTo("back"));
      }
    } finally {
      upstream.close();
    }
  }

  @Test
  void legacySseUpstream() {
    try (var upstream =
            new TestServer(McpHttpEndpoint.builder().backend(new EchoBackend()).build());
        Gateway gateway =
            Gateway.start(Configs.http("sse", upstream.baseUri() + "/sse"), "127.0.0.1")) {
      await().until(gateway::ready);
      try (McpSyncClient client = client(gateway)) {
        client.initialize();
        assertThat(
                text(
                    client.callTool(
                        new McpSchema.CallToolRequest("echo", Map.of("text", "via sse")))))
            .isEqualTo("via sse");
      }
    }
  }

  @Test
  void fifoUpstreamSurvivesTheServerRestarting(@TempDir Path dir) throws Exception {
    List<Process> shims = new ArrayList<>();
    try (Gateway gateway = Gateway.start(Configs.fifo(dir.toString()), "127.0.0.1")) {
      shims.add(FifoShim.start(dir));
      await().atMost(Duration.ofSeconds(30)).until(gateway::ready);
      try (McpSyncClient client = client(gateway)) {
        client.initialize();
        assertThat(
                text(
                    client.callTool(new McpSchema.CallToolRequest("echo", Map.of("text", "fifo")))))
            .isEqualTo("fifo");
        shims.getFirst().destroyForcibly().waitFor();
        shims.getFirst().descendants().forEach(ProcessHandle::destroyForcibly);
        await().atMost(Duration.ofSeconds(30)).until(() -> !gateway.ready());
        shims.add(FifoShim.start(dir));
        await().atMost(Duration.ofSeconds(30)).until(gateway::ready);
        assertThat(
                text(
                    client.callTool(
                        new McpSchema.CallToolRequest("echo", Map.of("text", "again")))))
            .isEqualTo("again");
      }
    } finally {
      for (Process p : shims) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
      }
    }
  }

  @Test
  void healthAndMetricsAreServed() {
    try (Gateway gateway =
        Gateway.start(Configs.stdio(FakeUpstream.command(), 5000), "127.0.0.1")) {
      await().atMost(Duration.ofSeconds(30)).until(gateway::ready);
      var raw = new RawClient("http://127.0.0.1:" + gateway.port());
      String session = raw.initialize("2025-06-18");
      raw.post(Map.of("Mcp-Session-Id", session), RawClient.call(1, "echo"));
      raw.post(Map.of("Origin", "https://evil.example"), RawClient.call(1, "echo"));
      var ready = raw.send("GET", "/observe/health/ready", Map.of(), null);
      assertThat(ready.statusCode()).isEqualTo(200);
      var metrics =
          raw.send("GET", "/observe/metrics", Map.of("Accept", "text/plain"), null).body();
      assertThat(metrics)
          .contains("mcp_requests_total")
          .contains("method=\"tools/call\"")
          .contains("mcp_tool_calls_total")
          .contains("tool=\"echo\"")
          .contains("mcp_http_rejections_total")
          .contains("status=\"403\"")
          .contains("mcp_sessions_active")
          .contains("mcp_request_duration");
    }
  }
}
