package io.mcpoperator.gateway.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.mcpoperator.gateway.Gateway;
import io.mcpoperator.gateway.config.ConfigLoader;
import io.mcpoperator.gateway.config.GatewayConfig;
import io.mcpoperator.gateway.testing.Configs;
import io.mcpoperator.gateway.testing.StatelessFixture;
import io.mcpoperator.gateway.testing.StatelessFixture.Received;
import io.mcpoperator.gateway.testing.StatelessFixture.Refusal;
import io.mcpoperator.mcp.jsonrpc.Json;
import io.mcpoperator.mcp.testing.RawClient;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Session-based clients (the official Java SDK, 2025-06-18 and 2025-11-25) and 2026-07-28 clients
 * through the gateway to an upstream that speaks only the stateless 2026-07-28: the gateway falls
 * back from initialize to server/discover, sends the 2026-07-28 headers and {@code _meta}, and
 * turns the upstream's input_required results (MRTR) into elicitation/roots requests to the client.
 */
@org.junit.jupiter.api.Timeout(180)
class StatelessUpstreamIT {
  private static StatelessFixture upstream;
  private static Gateway gateway;

  @BeforeAll
  static void start() {
    upstream = new StatelessFixture(Refusal.UNSUPPORTED_VERSION);
    gateway = Gateway.start(Configs.http("streamable-http", upstream.uri()), "127.0.0.1");
    await().atMost(Duration.ofSeconds(30)).until(gateway::ready);
  }

  @AfterAll
  static void stop() {
    gateway.close();
    upstream.close();
  }

  private static McpClient.SyncSpec spec(Gateway target, String version) {
    var transport =
        HttpClientStreamableHttpTransport.builder("http://127.0.0.1:" + target.port())
            .supportedProtocolVersions(List.of(version))
            .build();
    return McpClient.sync(transport).requestTimeout(Duration.ofSeconds(20));
  }

  private static McpSchema.ClientCapabilities eliciting() {
    return McpSchema.ClientCapabilities.builder().elicitation().roots(true).build();
  }

  private static String text(McpSchema.CallToolResult result) {
    return ((McpSchema.TextContent) result.content().getFirst()).text();
  }

  private static McpSchema.CallToolResult call(McpSyncClient client, String tool) {
    return client.callTool(new McpSchema.CallToolRequest(tool, Map.of("text", "hi")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"2025-06-18", "2025-11-25"})
  void sessionClientsListAndCallToolsOfAStatelessUpstream(String version) {
    try (McpSyncClient client = spec(gateway, version).build()) {
      var init = client.initialize();
      assertThat(init.protocolVersion()).isEqualTo(version);
      assertThat(init.serverInfo().name()).isEqualTo("stateless-fixture");
      assertThat(init.instructions()).isEqualTo("A stateless test server");
      assertThat(client.listTools().tools())
          .extracting(McpSchema.Tool::name)
          .containsExactly("region", "echo", "héllo", "greet", "survey", "nag", "progress", "slow");
      assertThat(text(call(client, "echo"))).isEqualTo("hi");
      assertThat(call(client, "echo").meta()).isNull();
      assertThat(text(call(client, "héllo"))).isEqualTo("bonjour");
    }
    Received echo = upstream.calls("echo").getLast();
    assertThat(echo.header("Mcp-Session-Id")).isEmpty();
    assertThat(echo.header("MCP-Protocol-Version")).contains("2026-07-28");
    assertThat(echo.header("Mcp-Method")).contains("tools/call");
    assertThat(echo.header("Mcp-Name")).contains("echo");
    JsonObject meta = echo.params().getJsonObject("_meta");
    assertThat(meta.getString("io.modelcontextprotocol/protocolVersion")).isEqualTo("2026-07-28");
    assertThat(meta.getJsonObject("io.modelcontextprotocol/clientCapabilities").keySet())
        .contains("sampling", "elicitation", "roots");
    assertThat(meta.getJsonObject("io.modelcontextprotocol/clientInfo").getString("name"))
        .isEqualTo("mcp-gateway");
    assertThat(upstream.calls("héllo").getLast().header("Mcp-Name"))
        .contains("=?base64?aMOpbGxv?=");
    assertThat(upstream.received())
        .extracting(Received::method)
        .doesNotContain("notifications/initialized");
  }

  @Test
  void annotatedArgumentsTravelInParamHeaders() {
    try (McpSyncClient client = spec(gateway, "2025-11-25").build()) {
      client.initialize();
      assertThat(
              text(
                  client.callTool(
                      new McpSchema.CallToolRequest("region", Map.of("region", "eu-west1")))))
          .isEqualTo("region eu-west1");
      assertThat(
              text(
                  client.callTool(
                      new McpSchema.CallToolRequest("region", Map.of("region", "Zürich")))))
          .isEqualTo("region Zürich");
    }
    assertThat(upstream.calls("region").getLast().header("Mcp-Param-Region"))
        .contains("=?base64?WsO8cmljaA==?=");
  }

  @ParameterizedTest
  @ValueSource(strings = {"2025-06-18", "2025-11-25"})
  void anElicitationRoundTripCompletesWithTheClientsAnswer(String version) {
    List<String> asked = new CopyOnWriteArrayList<>();
    int before = upstream.calls("greet").size();
    try (McpSyncClient client =
        spec(gateway, version)
            .capabilities(eliciting())
            .elicitation(
                request -> {
                  asked.add(request.message());
                  return new McpSchema.ElicitResult(
                      McpSchema.ElicitResult.Action.ACCEPT, Map.of("name", "Ada"));
                })
            .build()) {
      client.initialize();
      assertThat(text(call(client, "greet"))).isEqualTo("Hello, Ada!");
    }
    assertThat(asked).containsExactly("Who are you?");
    List<Received> calls = upstream.calls("greet").subList(before, before + 2);
    assertThat(calls.getFirst().params().containsKey("inputResponses")).isFalse();
    JsonObject retry = calls.getLast().params();
    assertThat(retry.getString("requestState")).isEqualTo("greet-state-1");
    assertThat(retry.getJsonObject("inputResponses").getJsonObject("who").getString("action"))
        .isEqualTo("accept");
    assertThat(calls.getLast().body().get("id")).isNotEqualTo(calls.getFirst().body().get("id"));
  }

  @Test
  void severalRoundsCarryTheUpstreamsStateAndEachKindOfInput() {
    try (McpSyncClient client =
        spec(gateway, "2025-11-25")
            .capabilities(eliciting())
            .roots(new McpSchema.Root("file:///a", "a"), new McpSchema.Root("file:///b", "b"))
            .elicitation(
                request ->
                    new McpSchema.ElicitResult(
                        McpSchema.ElicitResult.Action.ACCEPT, Map.of("name", "Grace")))
            .build()) {
      client.initialize();
      assertThat(text(call(client, "survey"))).isEqualTo("Grace has 2 roots");
    }
  }

  @Test
  void aDeclinedElicitationReachesTheUpstream() {
    try (McpSyncClient client =
        spec(gateway, "2025-11-25")
            .capabilities(eliciting())
            .elicitation(
                request -> new McpSchema.ElicitResult(McpSchema.ElicitResult.Action.DECLINE, null))
            .build()) {
      client.initialize();
      assertThat(text(call(client, "greet"))).isEqualTo("No greeting (decline)");
    }
  }

  @Test
  void aClientThatCannotAnswerGetsAClearError() {
    try (McpSyncClient client = spec(gateway, "2025-11-25").build()) {
      client.initialize();
      assertThatThrownBy(() -> call(client, "greet"))
          .isInstanceOf(McpError.class)
          .hasMessage(
              "Internal error: the upstream needs elicitation/create to complete tools/call, and"
                  + " the client answered it with error -32601: Method not found:"
                  + " elicitation/create");
    }
  }

  @Test
  void anUpstreamThatNeverCompletesIsCutOffAfterTheRoundLimit() {
    try (McpSyncClient client =
        spec(gateway, "2025-11-25")
            .capabilities(eliciting())
            .elicitation(
                request ->
                    new McpSchema.ElicitResult(
                        McpSchema.ElicitResult.Action.ACCEPT, Map.of("name", "x")))
            .build()) {
      client.initialize();
      int before = upstream.calls("nag").size();
      assertThatThrownBy(() -> call(client, "nag"))
          .isInstanceOf(McpError.class)
          .hasMessage(
              "Internal error: the upstream still asked for input after 8 rounds of tools/call;"
                  + " the gateway gives up");
      assertThat(upstream.calls("nag").size() - before).isEqualTo(9);
    }
  }

  @Test
  void progressOnTheUpstreamsResponseStreamReachesTheClient() {
    List<McpSchema.ProgressNotification> progress = new CopyOnWriteArrayList<>();
    try (McpSyncClient client =
        spec(gateway, "2025-11-25").progressConsumer(progress::add).build()) {
      client.initialize();
      var result =
          client.callTool(
              McpSchema.CallToolRequest.builder()
                  .name("progress")
                  .arguments(Map.of())
                  .progressToken("tok-7")
                  .build());
      assertThat(text(result)).isEqualTo("done");
    }
    await().atMost(Duration.ofSeconds(5)).until(() -> progress.size() == 3);
    assertThat(progress)
        .extracting(McpSchema.ProgressNotification::progressToken)
        .containsOnly("tok-7");
    assertThat(progress)
        .extracting(McpSchema.ProgressNotification::progress)
        .containsExactlyInAnyOrder(1.0, 2.0, 3.0);
  }

  private static final String MODERN_META =
      "\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\","
          + "\"io.modelcontextprotocol/clientCapabilities\":{\"elicitation\":{}},"
          + "\"io.modelcontextprotocol/clientInfo\":{\"name\":\"modern\",\"version\":\"1\"}}";

  private static JsonObject modern(RawClient client, int id, String tool, String extra) {
    var headers = new HashMap<String, String>();
    headers.put("MCP-Protocol-Version", "2026-07-28");
    headers.put("Mcp-Method", "tools/call");
    headers.put("Mcp-Name", tool);
    var res =
        client.post(
            headers,
            "{\"jsonrpc\":\"2.0\",\"id\":"
                + id
                + ",\"method\":\"tools/call\",\"params\":{\"name\":\""
                + tool
                + "\",\"arguments\":{},"
                + extra
                + MODERN_META
                + "}}");
    assertThat(res.statusCode()).as(res.body()).isEqualTo(200);
    return Json.parse(res.body()).asJsonObject().getJsonObject("result");
  }

  @Test
  void aModernClientGetsTheUpstreamsRoundsAsTheyAre() {
    var client = new RawClient("http://127.0.0.1:" + gateway.port());
    JsonObject first = modern(client, 1, "greet", "");
    assertThat(first.getString("resultType")).isEqualTo("input_required");
    assertThat(first.getString("requestState")).isEqualTo("greet-state-1");
    assertThat(first.getJsonObject("inputRequests").getJsonObject("who").getString("method"))
        .isEqualTo("elicitation/create");
    JsonObject done =
        modern(
            client,
            2,
            "greet",
            "\"inputResponses\":{\"who\":{\"action\":\"accept\",\"content\":{\"name\":\"Lin\"}}},"
                + "\"requestState\":\"greet-state-1\",");
    assertThat(done.getString("resultType")).isEqualTo("complete");
    assertThat(done.getJsonArray("content").getJsonObject(0).getString("text"))
        .isEqualTo("Hello, Lin!");
    Received passed = upstream.calls("greet").getLast();
    assertThat(
            passed
                .params()
                .getJsonObject("_meta")
                .getJsonObject("io.modelcontextprotocol/clientInfo")
                .getString("name"))
        .isEqualTo("modern");
  }

  @Test
  void aTimedOutRequestClosesItsUpstreamStream() {
    try (var fixture = new StatelessFixture(Refusal.METHOD_NOT_FOUND);
        Gateway timing = Gateway.start(config(fixture, null, 1000), "127.0.0.1")) {
      await().atMost(Duration.ofSeconds(30)).until(timing::ready);
      try (McpSyncClient client = spec(timing, "2025-11-25").build()) {
        client.initialize();
        assertThatThrownBy(() -> call(client, "slow"))
            .isInstanceOf(McpError.class)
            .hasMessage("Request timed out after 1000 ms");
      }
      await().atMost(Duration.ofSeconds(10)).until(() -> fixture.closedStreams() == 1);
    }
  }

  @Test
  void aConfiguredStatelessUpstreamIsNeverAskedToInitialize() {
    try (var fixture = new StatelessFixture(Refusal.UNSUPPORTED_VERSION);
        Gateway forced = Gateway.start(config(fixture, "2026-07-28", 30_000), "127.0.0.1")) {
      await().atMost(Duration.ofSeconds(30)).until(forced::ready);
      try (McpSyncClient client = spec(forced, "2025-06-18").build()) {
        client.initialize();
        assertThat(text(call(client, "echo"))).isEqualTo("hi");
      }
      assertThat(fixture.received())
          .extracting(Received::method)
          .containsExactly("server/discover", "tools/list", "tools/call");
    }
  }

  private static GatewayConfig config(StatelessFixture fixture, String protocol, int timeoutMs) {
    var upstreamConfig =
        Json.object().add("transport", "streamable-http").add("url", fixture.uri());
    if (protocol != null) {
      upstreamConfig.add("protocolVersion", protocol);
    }
    return ConfigLoader.parse(
        Json.write(
            Json.object()
                .add("listen", Json.object().add("port", 0))
                .add("upstream", upstreamConfig)
                .add("limits", Json.object().add("requestTimeoutMs", timeoutMs))
                .build()));
  }
}
