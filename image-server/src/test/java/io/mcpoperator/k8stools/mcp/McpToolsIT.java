package io.mcpoperator.k8stools.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mcpoperator.k8stools.RunningServer;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientSseClientTransport;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The MCP endpoint driven by the official Java SDK client. */
class McpToolsIT {
  @TempDir static Path tmp;
  private static RunningServer server;

  @BeforeAll
  static void start() throws Exception {
    server = RunningServer.start(tmp);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  @SuppressWarnings("unchecked")
  void listsTheFourToolsWithTheirSchema() {
    try (McpSyncClient client = client(HttpRequest.newBuilder())) {
      McpSchema.InitializeResult init = client.initialize();
      assertThat(init.serverInfo().name()).isEqualTo("mcp-k8s-server");
      assertThat(init.instructions()).contains("strict");
      var tools = client.listTools().tools();
      assertThat(tools)
          .extracting(McpSchema.Tool::name)
          .containsExactly("kubectl", "helm", "istioctl", "argocd");
      McpSchema.Tool kubectl = tools.getFirst();
      Map<String, Object> schema = kubectl.inputSchema();
      assertThat((java.util.List<Object>) schema.get("required")).containsExactly("command");
      assertThat(((Map<Object, Object>) schema.get("properties")).keySet())
          .containsExactlyInAnyOrder("command", "namespace", "kubeconfig");
    }
  }

  @Test
  void callReturnsTextAndStructuredContent() {
    try (McpSyncClient client = client(HttpRequest.newBuilder())) {
      client.initialize();
      McpSchema.CallToolResult result =
          client.callTool(
              new McpSchema.CallToolRequest(
                  "kubectl", Map.of("command", "kubectl args get pods", "namespace", "web")));
      assertThat(result.isError()).isFalse();
      assertThat(text(result)).isEqualTo("[get]\n[pods]\n[--namespace]\n[web]\n");
      @SuppressWarnings("unchecked")
      Map<String, Object> structured = (Map<String, Object>) result.structuredContent();
      assertThat(structured).containsEntry("success", true).containsEntry("exit_code", 0);
    }
  }

  @Test
  void kubeconfigHeaderReachesTheCommandAndWinsOverTheArgument() {
    HttpRequest.Builder withHeader =
        HttpRequest.newBuilder()
            .header("X-Kubeconfig", RunningServer.kubeconfig("from-header", 20_000));
    try (McpSyncClient client = client(withHeader)) {
      client.initialize();
      McpSchema.CallToolResult result =
          client.callTool(
              new McpSchema.CallToolRequest(
                  "kubectl",
                  Map.of(
                      "command",
                      "kubectl env",
                      "kubeconfig",
                      RunningServer.kubeconfig("from-argument", 10))));
      assertThat(text(result)).contains("name: from-header").doesNotContain("from-argument");
    }
  }

  @Test
  void kubeconfigHeaderWorksOnTheLegacySseTransport() {
    HttpClientSseClientTransport transport =
        HttpClientSseClientTransport.builder(server.url(""))
            .sseEndpoint("/sse")
            .requestBuilder(
                HttpRequest.newBuilder()
                    .header("X-Kubeconfig", RunningServer.kubeconfig("legacy-header", 100)))
            .build();
    try (McpSyncClient client =
        McpClient.sync(transport).requestTimeout(Duration.ofSeconds(30)).build()) {
      client.initialize();
      McpSchema.CallToolResult result =
          client.callTool(
              new McpSchema.CallToolRequest("kubectl", Map.of("command", "kubectl env")));
      assertThat(text(result)).contains("name: legacy-header");
    }
  }

  @Test
  void kubeconfigArgumentIsUsedWithoutAHeader() {
    try (McpSyncClient client = client(HttpRequest.newBuilder())) {
      client.initialize();
      McpSchema.CallToolResult result =
          client.callTool(
              new McpSchema.CallToolRequest(
                  "helm",
                  Map.of(
                      "command",
                      "helm env",
                      "kubeconfig",
                      RunningServer.kubeconfig("from-argument", 10))));
      assertThat(text(result)).contains("name: from-argument").contains("file-mode=600");
    }
  }

  @Test
  void failuresAreToolErrorsWithTheCode() {
    try (McpSyncClient client = client(HttpRequest.newBuilder())) {
      client.initialize();
      McpSchema.CallToolResult blocked =
          client.callTool(
              new McpSchema.CallToolRequest("helm", Map.of("command", "helm uninstall web")));
      assertThat(blocked.isError()).isTrue();
      assertThat(text(blocked))
          .startsWith("VALIDATION_ERROR: blocked by policy rule 'helm-uninstall'");
      McpSchema.CallToolResult failed =
          client.callTool(
              new McpSchema.CallToolRequest("kubectl", Map.of("command", "kubectl fail")));
      assertThat(text(failed))
          .isEqualTo("EXECUTION_ERROR (exit code 3): something broke\n\noutput:\npartial output\n");
      McpSchema.CallToolResult missing =
          client.callTool(new McpSchema.CallToolRequest("istioctl", Map.of()));
      assertThat(text(missing)).startsWith("VALIDATION_ERROR: command is required");
    }
  }

  @Test
  void anErrorNamingTheCommandsWorkingDirectoryDoesNotRevealIt() {
    try (McpSyncClient client = client(HttpRequest.newBuilder())) {
      client.initialize();
      McpSchema.CallToolResult failed =
          client.callTool(
              new McpSchema.CallToolRequest("kubectl", Map.of("command", "kubectl lost")));

      assertThat(failed.isError()).isTrue();
      assertThat(text(failed))
          .contains("error: cannot load <workdir>/kubeconfig: permission denied")
          .doesNotContain(server.work().toString());
      assertThat(String.valueOf(failed.structuredContent()))
          .doesNotContain(server.work().toString());
    }
  }

  @Test
  void unknownToolIsAProtocolError() {
    try (McpSyncClient client = client(HttpRequest.newBuilder())) {
      client.initialize();
      assertThatThrownBy(
              () ->
                  client.callTool(
                      new McpSchema.CallToolRequest("oc", Map.of("command", "oc get pods"))))
          .isInstanceOf(McpError.class)
          .hasMessageContaining("unknown tool 'oc'");
    }
  }

  private static McpSyncClient client(HttpRequest.Builder requests) {
    HttpClientStreamableHttpTransport transport =
        HttpClientStreamableHttpTransport.builder(server.url(""))
            .endpoint("/mcp")
            .requestBuilder(requests)
            .build();
    return McpClient.sync(transport).requestTimeout(Duration.ofSeconds(30)).build();
  }

  private static String text(McpSchema.CallToolResult result) {
    return ((McpSchema.TextContent) result.content().getFirst()).text();
  }
}
