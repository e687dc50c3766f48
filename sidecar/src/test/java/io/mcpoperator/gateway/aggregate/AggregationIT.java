package io.mcpoperator.gateway.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.mcpoperator.gateway.aggregate.limits.InMemoryRateLimiter;
import io.mcpoperator.gateway.aggregate.limits.InMemoryResponseCache;
import io.mcpoperator.gateway.config.ConfigLoader;
import io.mcpoperator.mcp.jsonrpc.Json;
import io.mcpoperator.mcp.testing.TestServer;
import io.mcpoperator.mcp.transport.McpHttpEndpoint;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The whole aggregation path: the official MCP Java SDK client → the gateway's endpoint →
 * CompositeBackend → a real HTTP service.
 */
@org.junit.jupiter.api.Timeout(120)
class AggregationIT {
  private ToolBackendServer service;
  private CompositeBackend backend;
  private TestServer gateway;
  private String config;

  @BeforeEach
  void start() throws Exception {
    service = new ToolBackendServer();
    config = service.config();
    var outbound =
        new Outbound(
            new WebClientSender(1 << 20),
            new InMemoryResponseCache(100),
            new InMemoryRateLimiter(),
            name -> Optional.ofNullable(Map.of("AGGREGATION_IT_TOKEN", "Bearer it").get(name)),
            new AggregateMetrics());
    backend =
        new CompositeBackend(
            Optional.empty(),
            Json.object().add("name", "team-a/assistant").add("version", "test").build(),
            AggregateConfig.of(ConfigLoader.parse(config)),
            outbound);
    gateway = new TestServer(McpHttpEndpoint.builder().backend(backend).build());
  }

  @AfterEach
  void stop() {
    gateway.close();
    service.close();
  }

  private McpClient.SyncSpec client() {
    var transport =
        HttpClientStreamableHttpTransport.builder(gateway.baseUri()).endpoint("/mcp").build();
    return McpClient.sync(transport).requestTimeout(Duration.ofSeconds(20));
  }

  private static String text(McpSchema.CallToolResult result) {
    return ((McpSchema.TextContent) result.content().getFirst()).text();
  }

  private static McpSchema.CallToolResult call(
      McpSyncClient c, String tool, Map<String, Object> args) {
    return c.callTool(new McpSchema.CallToolRequest(tool, args, null));
  }

  @Test
  void listsAndCallsAggregatedTools() {
    try (McpSyncClient c = client().build()) {
      var init = c.initialize();
      assertThat(init.serverInfo().name()).isEqualTo("team-a/assistant");
      assertThat(init.capabilities().tools().listChanged()).isTrue();
      assertThat(c.listTools().tools())
          .extracting(McpSchema.Tool::name)
          .containsExactly("broken", "get-weather", "offline", "slow", "translate");

      var weather = call(c, "get-weather", Map.of("city", "Lisbon", "days", 2));
      assertThat(weather.isError()).isNotEqualTo(Boolean.TRUE);
      assertThat(weather.structuredContent())
          .asInstanceOf(InstanceOfAssertFactories.map(String.class, Object.class))
          .containsEntry("temperatureC", 21.5)
          .containsEntry("city", "Lisbon")
          .containsEntry("auth", "Bearer it")
          .containsEntry("client", "mcp-gateway");

      var translated = call(c, "translate", Map.of("text", "hello", "to", "de"));
      assertThat(translated.isError()).isNotEqualTo(Boolean.TRUE);
      assertThat(text(translated)).isEqualTo("{\"text\":\"HELLO\",\"to\":\"de\"}");
    }
  }

  @Test
  void backendFailuresAreToolErrors() {
    try (McpSyncClient c = client().build()) {
      c.initialize();

      var broken = call(c, "broken", Map.of());
      assertThat(broken.isError()).isTrue();
      assertThat(text(broken))
          .isEqualTo("Tool broken failed: the backend answered HTTP 500: database on fire");

      var offline = call(c, "offline", Map.of());
      assertThat(offline.isError()).isTrue();
      assertThat(text(offline)).startsWith("Tool offline could not reach its backend");

      var slow = call(c, "slow", Map.of());
      assertThat(slow.isError()).isTrue();
      assertThat(text(slow))
          .isEqualTo("Tool slow timed out: its backend gave no answer within 300 ms");

      var invalid = call(c, "translate", Map.of("text", "hello", "to", "fr"));
      assertThat(invalid.isError()).isTrue();
      assertThat(text(invalid))
          .startsWith(
              "Invalid arguments for tool translate: to: does not have a value in the enumeration");

      // the gateway is unharmed
      assertThat(call(c, "translate", Map.of("text", "ok", "to", "pt")).isError())
          .isNotEqualTo(Boolean.TRUE);
    }
  }

  @Test
  void repeatedCallsAreServedFromTheCache() {
    try (McpSyncClient c = client().build()) {
      c.initialize();
      for (int i = 0; i < 5; i++) {
        assertThat(call(c, "get-weather", Map.of("city", "Porto")).isError())
            .isNotEqualTo(Boolean.TRUE);
      }
      assertThat(service.forecastCalls).hasValue(1);
    }
  }

  @Test
  void servesPromptsAndResources() {
    try (McpSyncClient c = client().build()) {
      c.initialize();

      assertThat(c.listPrompts().prompts())
          .extracting(McpSchema.Prompt::name)
          .containsExactly("summarize");
      var prompt =
          c.getPrompt(
              new McpSchema.GetPromptRequest("summarize", Map.of("text", "A long text"), null));
      assertThat(((McpSchema.TextContent) prompt.messages().getFirst().content()).text())
          .isEqualTo("Summarize the following text in a concise style:\n\nA long text");
      assertThatThrownBy(
              () -> c.getPrompt(new McpSchema.GetPromptRequest("summarize", Map.of(), null)))
          .isInstanceOf(McpError.class)
          .hasMessageContaining("'text'");

      assertThat(c.listResources().resources())
          .extracting(McpSchema.Resource::uri)
          .containsExactly("docs://runbook");
      assertThat(c.listResourceTemplates().resourceTemplates())
          .extracting(McpSchema.ResourceTemplate::uriTemplate)
          .containsExactly("resource://customers/customers/{id}{?verbose,X_Tenant}");
      var runbook = c.readResource(new McpSchema.ReadResourceRequest("docs://runbook", null));
      assertThat(((McpSchema.TextResourceContents) runbook.contents().getFirst()).text())
          .startsWith("# Runbook");

      String uri = "resource://customers/customers/42?X_Tenant=acme&verbose=yes";
      var customer = c.readResource(new McpSchema.ReadResourceRequest(uri, null));
      var contents = (McpSchema.TextResourceContents) customer.contents().getFirst();
      assertThat(contents.uri()).isEqualTo(uri);
      assertThat(contents.mimeType()).isEqualTo("application/json");
      assertThat(contents.text())
          .isEqualTo("{\"id\":\"42\",\"tenant\":\"acme\",\"verbose\":\"yes\"}");

      assertThatThrownBy(
              () -> c.readResource(new McpSchema.ReadResourceRequest("docs://nothing", null)))
          .isInstanceOfSatisfying(
              McpError.class, e -> assertThat(e.getJsonRpcError().code()).isEqualTo(-32002));
    }
  }

  @Test
  void aConfigurationChangeReachesLiveSessions() {
    List<List<McpSchema.Tool>> toolLists = new CopyOnWriteArrayList<>();
    List<List<McpSchema.Prompt>> promptLists = new CopyOnWriteArrayList<>();
    try (McpSyncClient c =
        client()
            .toolsChangeConsumer(toolLists::add)
            .promptsChangeConsumer(promptLists::add)
            .build()) {
      c.initialize();
      assertThat(c.listTools().tools()).hasSize(5);

      String changed = config.replace("\"name\": \"broken\"", "\"name\": \"repaired\"");
      backend.update(AggregateConfig.of(ConfigLoader.parse(changed)));

      await().atMost(Duration.ofSeconds(20)).until(() -> !toolLists.isEmpty());
      assertThat(toolLists.getLast())
          .extracting(McpSchema.Tool::name)
          .contains("repaired")
          .doesNotContain("broken");
      assertThat(c.listTools().tools())
          .extracting(McpSchema.Tool::name)
          .first()
          .isEqualTo("repaired");
      assertThat(promptLists).isEmpty();
      assertThat(call(c, "translate", Map.of("text", "still", "to", "en")).isError())
          .isNotEqualTo(Boolean.TRUE);
    }
  }
}
