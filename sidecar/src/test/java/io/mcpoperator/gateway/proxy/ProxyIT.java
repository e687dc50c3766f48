package io.mcpoperator.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.mcpoperator.gateway.Gateway;
import io.mcpoperator.gateway.testing.Configs;
import io.mcpoperator.gateway.testing.FakeUpstream;
import io.mcpoperator.mcp.testing.RawClient;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The gateway in front of a fake stdio server: routing, rewriting, timeouts, crashes. */
@org.junit.jupiter.api.Timeout(180)
class ProxyIT {
  private static Gateway gateway;

  @BeforeAll
  static void start() {
    gateway = Gateway.start(Configs.stdio(FakeUpstream.command(), 1500), "127.0.0.1");
    await().atMost(Duration.ofSeconds(30)).until(gateway::ready);
  }

  @BeforeEach
  void upstreamReady() {
    await().atMost(Duration.ofSeconds(30)).until(gateway::ready);
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  private static McpClient.SyncSpec spec() {
    var transport =
        HttpClientStreamableHttpTransport.builder("http://127.0.0.1:" + gateway.port()).build();
    return McpClient.sync(transport).requestTimeout(Duration.ofSeconds(20));
  }

  private static String text(McpSchema.CallToolResult result) {
    return ((McpSchema.TextContent) result.content().getFirst()).text();
  }

  @Test
  void requestsProgressAndSamplingAreRoutedBackToTheirSession() {
    List<McpSchema.ProgressNotification> progress = new CopyOnWriteArrayList<>();
    try (McpSyncClient client =
        spec()
            .progressConsumer(progress::add)
            .capabilities(McpSchema.ClientCapabilities.builder().sampling().build())
            .sampling(
                r ->
                    McpSchema.CreateMessageResult.builder()
                        .content(new McpSchema.TextContent("from-client"))
                        .model("m")
                        .build())
            .build()) {
      assertThat(client.initialize().serverInfo().name()).isEqualTo("fake");
      assertThat(client.listTools().tools()).hasSize(8);
      assertThat(
              text(client.callTool(new McpSchema.CallToolRequest("echo", Map.of("text", "hello")))))
          .isEqualTo("hello");
      var withProgress =
          client.callTool(
              McpSchema.CallToolRequest.builder()
                  .name("progress")
                  .arguments(Map.of())
                  .progressToken("mine")
                  .build());
      assertThat(text(withProgress)).startsWith("token was \"gw-");
      // the SDK client hands notifications to consumers asynchronously
      await()
          .untilAsserted(
              () ->
                  assertThat(progress)
                      .extracting(McpSchema.ProgressNotification::progressToken)
                      .containsExactly("mine"));
      assertThat(text(client.callTool(new McpSchema.CallToolRequest("sample", Map.of()))))
          .contains("from-client");
    }
  }

  @Test
  void aTimedOutRequestIsCancelledUpstream() {
    try (McpSyncClient client = spec().build()) {
      client.initialize();
      assertThatThrownBy(() -> client.callTool(new McpSchema.CallToolRequest("slow", Map.of())))
          .hasMessageContaining("timed out");
      await()
          .untilAsserted(
              () ->
                  assertThat(
                          text(
                              client.callTool(
                                  new McpSchema.CallToolRequest("lastCancelled", Map.of()))))
                      .startsWith("\"gw-"));
    }
  }

  @Test
  void notificationsFanOutToSessionsByKindAndLogLevel() {
    var raw = new RawClient("http://127.0.0.1:" + gateway.port());
    String quiet = raw.initialize("2025-06-18");
    String loud = raw.initialize("2025-06-18");
    raw.post(
        Map.of("Mcp-Session-Id", quiet),
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"logging/setLevel\",\"params\":{\"level\":\"critical\"}}");
    try (var quietStream =
            raw.openStream(
                "GET",
                "/mcp",
                Map.of("Accept", "text/event-stream", "Mcp-Session-Id", quiet),
                null);
        var loudStream =
            raw.openStream(
                "GET",
                "/mcp",
                Map.of("Accept", "text/event-stream", "Mcp-Session-Id", loud),
                null)) {
      assertThat(raw.post(Map.of("Mcp-Session-Id", loud), RawClient.call(2, "notify")).body())
          .contains("notified");
      assertThat(loudStream.next().get("data")).contains("tools/list_changed");
      assertThat(loudStream.next().get("data")).contains("bad thing");
      assertThat(quietStream.next().get("data")).contains("tools/list_changed");
      raw.post(Map.of("Mcp-Session-Id", loud), RawClient.call(3, "notify"));
      assertThat(quietStream.next().get("data"))
          .as("the error log is below 'critical'")
          .contains("tools/list_changed");
    }
  }

  @Test
  void anUpstreamCrashFailsTheRequestAndTheSessionSurvivesTheRestart() {
    try (McpSyncClient client = spec().build()) {
      client.initialize();
      assertThatThrownBy(() -> client.callTool(new McpSchema.CallToolRequest("crash", Map.of())))
          .hasMessageContaining("disconnected");
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () ->
                  assertThat(
                          text(
                              client.callTool(
                                  new McpSchema.CallToolRequest("echo", Map.of("text", "again")))))
                      .isEqualTo("again"));
    }
  }
}
