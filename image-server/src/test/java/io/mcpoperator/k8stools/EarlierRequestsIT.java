package io.mcpoperator.k8stools;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The requests the earlier Kubernetes tools server documents, which send the command without the
 * tool's name, work unchanged on REST and MCP, and mean the same as the named form.
 */
class EarlierRequestsIT {
  @TempDir static Path tmp;
  private static RunningServer server;
  private static McpSyncClient mcp;
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    server = RunningServer.start(tmp);
    mcp =
        McpClient.sync(
                HttpClientStreamableHttpTransport.builder(server.url("")).endpoint("/mcp").build())
            .requestTimeout(Duration.ofSeconds(30))
            .build();
    mcp.initialize();
  }

  @AfterAll
  static void stop() {
    mcp.close();
    server.close();
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      delimiter = ';',
      value = {
        "kubectl ; get pods -n default          ; [get]\\n[pods]\\n[-n]\\n[default]\\n",
        "kubectl ; get pods | grep -c pods      ; 1\\n",
        "helm    ; list -n default              ; [list]\\n[-n]\\n[default]\\n",
        "argocd  ; app list                     ; [app]\\n[list]\\n",
      })
  void commandRunsWithAndWithoutTheToolsName(String tool, String command, String output)
      throws Exception {
    String expected = output.replace("\\n", "\n");
    for (String form : new String[] {command, tool + " " + command}) {
      JsonObject rest = rest(tool, form);
      assertThat(rest.getBoolean("success")).as(form + ": " + rest).isTrue();
      assertThat(rest.getString("output")).as(form).isEqualTo(expected);
      McpSchema.CallToolResult result = call(tool, form);
      assertThat(result.isError()).as(form).isFalse();
      assertThat(text(result)).as(form).isEqualTo(expected);
    }
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "kubectl  | delete pods --all      | kubectl-delete",
        "helm     | uninstall web          | helm-uninstall",
        "istioctl | uninstall --purge      | istioctl-uninstall",
        "argocd   | app delete web         | argocd-app-delete",
      })
  void deniedCommandIsDeniedInBothForms(String tool, String command, String rule) throws Exception {
    String message = "blocked by policy rule '" + rule + "'";
    for (String form : new String[] {command, tool + " " + command}) {
      HttpResponse<String> res = post(tool, form);
      assertThat(res.statusCode()).as(form).isEqualTo(403);
      assertThat(json(res.body()).getString("error")).as(form).contains(message);
      McpSchema.CallToolResult result = call(tool, form);
      assertThat(result.isError()).as(form).isTrue();
      assertThat(text(result)).as(form).contains(message);
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"version", "istioctl version"})
  void missingCliIsTheSameAnswerInBothForms(String command) throws Exception {
    HttpResponse<String> res = post("istioctl", command);
    assertThat(res.statusCode()).isEqualTo(503);
    assertThat(json(res.body()).getString("error")).contains("istioctl is not installed");
  }

  private static McpSchema.CallToolResult call(String tool, String command) {
    return mcp.callTool(new McpSchema.CallToolRequest(tool, Map.of("command", command)));
  }

  private static JsonObject rest(String tool, String command) throws Exception {
    return json(post(tool, command).body());
  }

  private static HttpResponse<String> post(String tool, String command) throws Exception {
    String body = Json.createObjectBuilder().add("command", command).build().toString();
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(server.url("/tools/" + tool)))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String text(McpSchema.CallToolResult result) {
    return ((McpSchema.TextContent) result.content().getFirst()).text();
  }

  private static JsonObject json(String text) {
    return Json.createReader(new StringReader(text)).readObject();
  }
}
