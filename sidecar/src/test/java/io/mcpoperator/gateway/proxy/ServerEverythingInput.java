package io.mcpoperator.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.mcpoperator.gateway.Gateway;
import io.mcpoperator.gateway.config.GatewayConfig;
import io.mcpoperator.gateway.testing.TestPeers;
import io.mcpoperator.mcp.testing.RawClient;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code @modelcontextprotocol/server-everything} (2025-xx, stdio) elicits and samples while it
 * serves a tool call: a 2026-07-28 client gets those requests as {@code input_required} rounds, and
 * an SDK client with a session on the same gateway still gets them as server-to-client requests.
 * Run over stdio ({@link ServerEverythingInputIT}) and over Streamable HTTP ({@link
 * ServerEverythingHttpInputIT}): a session-based HTTP upstream gets the stateless client's requests
 * on the gateway's own upstream session, as over stdio. Needs the test peers; skipped otherwise.
 */
@org.junit.jupiter.api.Timeout(180)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ServerEverythingInput {
  private Gateway gateway;
  private InputRoundsIT.ModernCalls client;

  /** The gateway's configuration for server-everything run with {@code node}. */
  abstract GatewayConfig config(String node) throws Exception;

  /** Stops what {@link #config} started. */
  void stopUpstream() {}

  @BeforeAll
  void start() throws Exception {
    var node = TestPeers.node();
    assumeTrue(node.isPresent(), "node is not installed: skipping server-everything tests");
    assumeTrue(
        Files.exists(TestPeers.serverEverything()),
        "server-everything missing: run bash hack/install-test-peers.sh (or set MCP_TEST_NPM_DIR)");
    gateway = Gateway.start(config(node.get()), "127.0.0.1");
    await().atMost(Duration.ofSeconds(60)).until(gateway::ready);
    client = new InputRoundsIT.ModernCalls(new RawClient("http://127.0.0.1:" + gateway.port()));
  }

  @AfterAll
  void stop() {
    if (gateway != null) {
      gateway.close();
    }
    stopUpstream();
  }

  @Test
  void aStatelessClientCallsAToolAndListsTools() {
    JsonObject echo = client.call(5, "echo", "{\"message\":\"over the bridge\"}", "{}");
    assertThat(echo.getJsonObject("result").getString("resultType")).isEqualTo("complete");
    assertThat(InputRoundsIT.ModernCalls.text(echo)).contains("Echo: over the bridge");
  }

  @Test
  void aStatelessClientAnswersTheElicitationOfATool() {
    JsonObject first = client.call(1, "trigger-elicitation-request", "{}", "{\"elicitation\":{}}");
    String key = InputRoundsIT.ModernCalls.onlyKey(first, "elicitation/create");
    JsonObject params =
        InputRoundsIT.ModernCalls.inputRequests(first).getJsonObject(key).getJsonObject("params");
    assertThat(params.getJsonObject("requestedSchema").getJsonArray("required").toString())
        .contains("name");

    JsonObject done =
        client.retry(
            2,
            "trigger-elicitation-request",
            "{}",
            "{\"elicitation\":{}}",
            Map.of(key, "{\"action\":\"accept\",\"content\":{\"name\":\"Grace Hopper\"}}"),
            first.getJsonObject("result").getString("requestState"));
    assertThat(done.getJsonObject("result").getString("resultType")).isEqualTo("complete");
    assertThat(done.getJsonObject("result").getJsonArray("content").toString())
        .contains("User provided the requested information", "- Name: Grace Hopper");
  }

  @Test
  void aStatelessClientAnswersTheSamplingOfATool() {
    String args = "{\"prompt\":\"colours\",\"maxTokens\":20}";
    JsonObject first = client.call(3, "trigger-sampling-request", args, "{\"sampling\":{}}");
    String key = InputRoundsIT.ModernCalls.onlyKey(first, "sampling/createMessage");
    JsonObject params =
        InputRoundsIT.ModernCalls.inputRequests(first).getJsonObject(key).getJsonObject("params");
    assertThat(params.getInt("maxTokens")).isEqualTo(20);
    assertThat(params.getJsonArray("messages").toString()).contains("colours");

    JsonObject done =
        client.retry(
            4,
            "trigger-sampling-request",
            args,
            "{\"sampling\":{}}",
            Map.of(
                key,
                "{\"role\":\"assistant\",\"content\":{\"type\":\"text\",\"text\":\"teal\"},"
                    + "\"model\":\"stub-model\",\"stopReason\":\"endTurn\"}"),
            first.getJsonObject("result").getString("requestState"));
    assertThat(InputRoundsIT.ModernCalls.text(done)).contains("LLM sampling result", "teal");
  }

  @Test
  void anSdkSessionClientStillGetsTheSamplingRequest() {
    var transport =
        HttpClientStreamableHttpTransport.builder("http://127.0.0.1:" + gateway.port()).build();
    try (McpSyncClient sdk =
        McpClient.sync(transport)
            .requestTimeout(Duration.ofSeconds(30))
            .capabilities(McpSchema.ClientCapabilities.builder().sampling().build())
            .sampling(
                r ->
                    McpSchema.CreateMessageResult.builder()
                        .content(new McpSchema.TextContent("from the session client"))
                        .model("sdk-model")
                        .build())
            .build()) {
      sdk.initialize();
      var result =
          sdk.callTool(
              new McpSchema.CallToolRequest(
                  "trigger-sampling-request", Map.of("prompt", "hi", "maxTokens", 5)));
      assertThat(((McpSchema.TextContent) result.content().getFirst()).text())
          .contains("from the session client", "sdk-model");
    }
  }
}
