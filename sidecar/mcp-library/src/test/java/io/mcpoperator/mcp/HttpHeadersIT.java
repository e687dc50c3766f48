package io.mcpoperator.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcpoperator.mcp.jsonrpc.Json;
import io.mcpoperator.mcp.jsonrpc.JsonRpcError;
import io.mcpoperator.mcp.testing.RawClient;
import io.mcpoperator.mcp.testing.TestServer;
import io.mcpoperator.mcp.transport.McpHttpEndpoint;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientSseClientTransport;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpClientTransport;
import io.modelcontextprotocol.spec.McpSchema;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A backend reads the headers of the HTTP request that carried each MCP request. */
@org.junit.jupiter.api.Timeout(60)
class HttpHeadersIT {
  private static TestServer server;

  @BeforeAll
  static void start() {
    server = new TestServer(McpHttpEndpoint.builder().backend(new HeaderEcho()).build());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** Tool {@code header} answers the value of the header named in its argument, or "(none)". */
  static final class HeaderEcho implements McpBackend {
    @Override
    public ServerIdentity identity() {
      return new ServerIdentity(
          Json.object().add("name", "header-echo").add("version", "1").build(),
          Json.object().add("tools", Json.object()).build(),
          Optional.empty());
    }

    @Override
    public JsonObject handle(McpRequest request) throws McpException {
      if (!request.method().equals("tools/call")) {
        throw new McpException(JsonRpcError.methodNotFound(request.method()));
      }
      String name =
          Json.object(request.params(), "arguments")
              .flatMap(a -> Json.string(a, "name"))
              .orElse("");
      String value = request.httpHeader(name).orElse("(none)");
      return Json.object()
          .add("content", Json.array().add(Json.object().add("type", "text").add("text", value)))
          .build();
    }
  }

  private static String header(McpSyncClient client, String name) {
    var result = client.callTool(new McpSchema.CallToolRequest("header", Map.of("name", name)));
    return ((McpSchema.TextContent) result.content().getFirst()).text();
  }

  private static McpSyncClient client(McpClientTransport transport) {
    return McpClient.sync(transport).requestTimeout(Duration.ofSeconds(20)).build();
  }

  @Test
  void streamableHttpSessionRequestsSeeTheirPostsHeaders() {
    var transport =
        HttpClientStreamableHttpTransport.builder(server.baseUri())
            .requestBuilder(
                HttpRequest.newBuilder()
                    .header("X-Kubeconfig", "a2luZDogQ29uZmln")
                    .header("x-tenant", "blue"))
            .build();
    try (McpSyncClient client = client(transport)) {
      client.initialize();
      assertThat(header(client, "X-Kubeconfig")).isEqualTo("a2luZDogQ29uZmln");
      assertThat(header(client, "X-TENANT")).isEqualTo("blue");
      assertThat(header(client, "X-Absent")).isEqualTo("(none)");
    }
  }

  @Test
  void legacySseRequestsSeeTheHeadersOfTheirMessagesPost() {
    var transport =
        HttpClientSseClientTransport.builder(server.baseUri())
            .sseEndpoint("/sse")
            .requestBuilder(HttpRequest.newBuilder().header("X-Kubeconfig", "bGVnYWN5"))
            .build();
    try (McpSyncClient client = client(transport)) {
      client.initialize();
      assertThat(header(client, "x-kubeconfig")).isEqualTo("bGVnYWN5");
    }
  }

  @Test
  void statelessRequestsSeeTheirPostsHeaders() {
    var res =
        new RawClient(server.baseUri())
            .post(
                Map.of(
                    "MCP-Protocol-Version", "2026-07-28",
                    "Mcp-Method", "tools/call",
                    "Mcp-Name", "header",
                    "X-Kubeconfig", "c3RhdGVsZXNz"),
                "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{"
                    + "\"name\":\"header\",\"arguments\":{\"name\":\"X-Kubeconfig\"},"
                    + "\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\","
                    + "\"io.modelcontextprotocol/clientCapabilities\":{}}}}");
    assertThat(res.statusCode()).as(res.body()).isEqualTo(200);
    JsonObject result = Json.parse(res.body()).asJsonObject().getJsonObject("result");
    assertThat(result.getJsonArray("content").getJsonObject(0).getString("text"))
        .isEqualTo("c3RhdGVsZXNz");
  }

  @Test
  void eachPostOfASessionBringsItsOwnHeaders() {
    var raw = new RawClient(server.baseUri());
    String session = raw.initialize("2025-06-18");
    String call =
        "{\"jsonrpc\":\"2.0\",\"id\":%d,\"method\":\"tools/call\",\"params\":{"
            + "\"name\":\"header\",\"arguments\":{\"name\":\"X-Tenant\"}}}";
    var first = raw.post(Map.of("Mcp-Session-Id", session, "X-Tenant", "red"), call.formatted(2));
    var second = raw.post(Map.of("Mcp-Session-Id", session), call.formatted(3));
    assertThat(first.body()).contains("\"text\":\"red\"");
    assertThat(second.body()).contains("\"text\":\"(none)\"").doesNotContain("red");
  }
}
