package io.mcpoperator.gateway.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mcpoperator.gateway.Main;
import io.mcpoperator.mcp.jsonrpc.Json;
import io.mcpoperator.mcp.testing.EchoBackend;
import io.mcpoperator.mcp.testing.TestServer;
import io.mcpoperator.mcp.transport.McpHttpEndpoint;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gateway process as the operator runs it: a mounted configuration file with aggregated tools,
 * prompts and resources, reloaded on change, alone or in front of an upstream MCP server.
 */
@org.junit.jupiter.api.Timeout(120)
class GatewayAggregationIT {
  @TempDir Path dir;
  private ToolBackendServer service;
  private Path file;

  @BeforeEach
  void start() {
    service = new ToolBackendServer();
    file = dir.resolve("config.json");
  }

  @AfterEach
  void stop() {
    service.close();
  }

  private Main.Running gateway(String config) throws Exception {
    Files.writeString(file, config);
    return Main.start(
            List.of("--config", file.toString()),
            Map.of("MCP_GATEWAY_HOST", "127.0.0.1"),
            System.err)
        .orElseThrow();
  }

  /** Replaces the file the way a ConfigMap update does: a new file moved into place. */
  private void rewrite(String config) throws Exception {
    Path next = dir.resolve("next.json");
    Files.writeString(next, config);
    Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private static McpClient.SyncSpec client(int port) {
    var transport =
        HttpClientStreamableHttpTransport.builder("http://127.0.0.1:" + port)
            .endpoint("/mcp")
            .build();
    return McpClient.sync(transport).requestTimeout(Duration.ofSeconds(20));
  }

  private static List<String> toolNames(McpSyncClient c) {
    return c.listTools().tools().stream().map(McpSchema.Tool::name).toList();
  }

  @Test
  void anAggregationOnlyServerServesItsCatalogAndReloadsIt() throws Exception {
    String config = service.config();
    List<List<McpSchema.Tool>> changes = new CopyOnWriteArrayList<>();
    try (var running = gateway(config);
        McpSyncClient c =
            client(running.gateway().port()).toolsChangeConsumer(changes::add).build()) {
      assertThat(running.gateway().ready()).isTrue();
      assertThat(health(running.gateway().port())).isEqualTo(200);
      c.initialize();
      assertThat(toolNames(c))
          .containsExactly("broken", "get-weather", "offline", "slow", "translate");
      var translated =
          c.callTool(
              new McpSchema.CallToolRequest("translate", Map.of("text", "a", "to", "de"), null));
      assertThat(((McpSchema.TextContent) translated.content().getFirst()).text())
          .contains("\"A\"");
      // the Secret behind get-weather's Authorization header is not in this process' environment
      var weather =
          c.callTool(new McpSchema.CallToolRequest("get-weather", Map.of("city", "Faro"), null));
      assertThat(weather.isError()).isTrue();
      assertThat(((McpSchema.TextContent) weather.content().getFirst()).text())
          .contains("header Authorization")
          .contains("AGGREGATION_IT_TOKEN");

      rewrite(config.replace("\"name\": \"broken\"", "\"name\": \"repaired\""));
      await().atMost(Duration.ofSeconds(30)).until(() -> !changes.isEmpty());
      assertThat(toolNames(c))
          .containsExactly("repaired", "get-weather", "offline", "slow", "translate");

      rewrite(
          withoutTool(config.replace("\"name\": \"broken\"", "\"name\": \"repaired\""), "slow"));
      await().atMost(Duration.ofSeconds(30)).until(() -> changes.size() >= 2);
      assertThat(toolNames(c)).containsExactly("repaired", "get-weather", "offline", "translate");
    }
  }

  @Test
  void aggregatedToolsAreMergedWithTheUpstreamsAndTheUpstreamWinsAConflict() throws Exception {
    try (var upstream =
        new TestServer(McpHttpEndpoint.builder().backend(new EchoBackend()).build())) {
      String config =
          service
              .config()
              .replace(
                  "\"upstream\": {\"transport\": \"none\"}",
                  "\"upstream\": {\"transport\": \"streamable-http\", \"url\": \""
                      + upstream.baseUri()
                      + "/mcp\"}")
              .replace("\"name\": \"broken\"", "\"name\": \"echo\"");
      try (var running = gateway(config);
          McpSyncClient c = client(running.gateway().port()).build()) {
        await().atMost(Duration.ofSeconds(30)).until(running.gateway()::ready);
        var init = c.initialize();
        assertThat(init.serverInfo().name()).isEqualTo("echo");
        assertThat(init.capabilities().prompts().listChanged()).isTrue();

        assertThat(toolNames(c))
            .containsExactly("echo", "get-weather", "offline", "slow", "translate");
        // what the operator reads to report the shadowed tool in the MCPServer's status
        assertThat(get(running.gateway().port(), "/observe/aggregation"))
            .isEqualTo("{\"shadowed\":{\"tools\":[\"echo\"],\"prompts\":[],\"resources\":[]}}");
        var echo =
            c.callTool(
                new McpSchema.CallToolRequest("echo", Map.of("text", "from upstream"), null));
        assertThat(((McpSchema.TextContent) echo.content().getFirst()).text())
            .isEqualTo("from upstream");
        var translated =
            c.callTool(
                new McpSchema.CallToolRequest("translate", Map.of("text", "b", "to", "pt"), null));
        assertThat(((McpSchema.TextContent) translated.content().getFirst()).text())
            .contains("\"B\"");
        assertThat(c.listPrompts().prompts())
            .extracting(McpSchema.Prompt::name)
            .containsExactly("summarize");
      }
    }
  }

  /** The configuration without one tool, as the operator writes it when an MCPTool is deleted. */
  private static String withoutTool(String config, String name) {
    JsonObject root = (JsonObject) Json.parse(config);
    var tools = Json.array();
    root.getJsonArray("tools").stream()
        .filter(t -> !t.asJsonObject().getString("name").equals(name))
        .forEach(tools::add);
    return Json.write(Json.object(root).add("tools", tools).build());
  }

  private static String get(int port, String path) throws Exception {
    try (var http = HttpClient.newHttpClient()) {
      var response =
          http.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).isEqualTo(200);
      return response.body();
    }
  }

  private static int health(int port) throws Exception {
    try (var http = HttpClient.newHttpClient()) {
      return http.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/observe/health"))
                  .build(),
              HttpResponse.BodyHandlers.discarding())
          .statusCode();
    }
  }
}
