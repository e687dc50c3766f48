package io.mcpoperator.k8stools.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcpoperator.k8stools.RunningServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RestApiIT {
  @TempDir static Path tmp;
  private static RunningServer server;
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    server = RunningServer.start(tmp);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void health() throws Exception {
    HttpResponse<String> res = get("/health");
    assertThat(res.statusCode()).isEqualTo(200);
    JsonObject body = json(res.body());
    assertThat(body.getString("status")).isEqualTo("UP");
    assertThat(body.getString("version")).isNotBlank().isNotEqualTo("unknown");
  }

  @Test
  void runsACommand() throws Exception {
    HttpResponse<String> res =
        post(
            "/tools/kubectl",
            "{\"command\": \"kubectl args get pods\", \"namespace\": \"web\"}",
            null);
    assertThat(res.statusCode()).isEqualTo(200);
    assertThat(res.headers().firstValue("Content-Type")).contains("application/json");
    JsonObject body = json(res.body());
    assertThat(body.getBoolean("success")).isTrue();
    assertThat(body.getString("output")).isEqualTo("[get]\n[pods]\n[--namespace]\n[web]\n");
    assertThat(body.isNull("error")).isTrue();
    assertThat(body.getInt("exit_code")).isZero();
    assertThat(body.getBoolean("truncated")).isFalse();
    assertThat(body.containsKey("error_code")).isFalse();
  }

  @Test
  void failedCommandIsStill200WithTheDetails() throws Exception {
    JsonObject body = json(post("/tools/helm", "{\"command\": \"helm fail\"}", null).body());
    assertThat(body.getBoolean("success")).isFalse();
    assertThat(body.getInt("exit_code")).isEqualTo(3);
    assertThat(body.getString("error")).isEqualTo("something broke");
    assertThat(body.getString("error_code")).isEqualTo("EXECUTION_ERROR");
  }

  @Test
  void headerKubeconfigWinsOverTheBodyAndLargeHeadersWork() throws Exception {
    String body =
        "{\"command\": \"kubectl env\", \"kubeconfig\": \""
            + RunningServer.kubeconfig("from-body", 100)
            + "\"}";
    HttpResponse<String> res =
        post("/tools/kubectl", body, RunningServer.kubeconfig("from-header", 40_000));
    String output = json(res.body()).getString("output");
    assertThat(output).contains("name: from-header").doesNotContain("from-body");
    assertThat(json(post("/tools/kubectl", body, null).body()).getString("output"))
        .contains("name: from-body");
    try (Stream<Path> left = Files.list(server.work())) {
      assertThat(left).as("kubeconfig directories left behind").isEmpty();
    }
  }

  @Test
  void anErrorNamingTheCommandsWorkingDirectoryDoesNotRevealIt() throws Exception {
    JsonObject body =
        json(
            post(
                    "/tools/kubectl",
                    "{\"command\": \"kubectl lost\"}",
                    RunningServer.kubeconfig("c", 100))
                .body());

    assertThat(body.getString("error"))
        .isEqualTo("error: cannot load <workdir>/kubeconfig: permission denied");
    assertThat(body.toString()).doesNotContain(server.work().toString());
  }

  @ParameterizedTest(name = "{0} {1} -> {3}")
  @CsvSource(
      delimiter = '|',
      value = {
        "/tools/oc       | {\"command\": \"oc get pods\"}                         | 404 | VALIDATION_ERROR | unknown tool",
        "/tools/kubectl  | {\"command\": \"kubectl delete pods --all\"}           | 403 | VALIDATION_ERROR | kubectl-delete",
        "/tools/kubectl  | {\"command\": \"kubectl get pods && id\"}              | 400 | VALIDATION_ERROR | without a shell",
        "/tools/kubectl  | {\"command\": \"helm list\"}                           | 400 | VALIDATION_ERROR | send it to the helm tool",
        "/tools/kubectl  | {\"namespace\": \"x\"}                                 | 400 | VALIDATION_ERROR | command is required",
        "/tools/kubectl  | {\"command\": 42}                                      | 400 | VALIDATION_ERROR | must be a string",
        "/tools/kubectl  | [1, 2]                                                 | 400 | VALIDATION_ERROR | JSON object",
        "/tools/kubectl  | {not json                                              | 400 | VALIDATION_ERROR | not valid JSON",
        "/tools/kubectl  | {\"command\": \"kubectl get pods\", \"kubeconfig\": \"@@\"} | 400 | AUTH_ERROR   | not valid base64",
        "/tools/istioctl | {\"command\": \"istioctl version\"}                    | 503 | EXECUTION_ERROR  | istioctl is not installed",
        "/tools/kubectl  | {\"command\": \"kubectl hang\"}                        | 504 | TIMEOUT_ERROR    | did not finish within 3 s",
        "/tools/argocd   | {\"command\": \"argocd unauthorized\"}                 | 200 | AUTH_ERROR       | Unauthorized",
      })
  void errorsHaveSpecificCodesAndStatuses(
      String path, String body, int status, String code, String message) throws Exception {
    HttpResponse<String> res = post(path, body, null);
    assertThat(res.statusCode()).as(res.body()).isEqualTo(status);
    JsonObject json = json(res.body());
    assertThat(json.getBoolean("success")).isFalse();
    assertThat(json.getString("error_code")).isEqualTo(code);
    assertThat(json.getString("error")).contains(message);
  }

  @Test
  void emptyBodyIsAValidationError() throws Exception {
    HttpResponse<String> res =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(server.url("/tools/kubectl")))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(res.statusCode()).isEqualTo(400);
    assertThat(json(res.body()).getString("error")).contains("JSON object");
  }

  @Test
  void toolStatusListsInstalledClisAndVersions() throws Exception {
    JsonObject status = json(get("/tools/status").body());
    JsonObject kubectl = status.getJsonArray("tools").getJsonObject(0);
    assertThat(kubectl.getString("name")).isEqualTo("kubectl");
    assertThat(kubectl.getBoolean("installed")).isTrue();
    assertThat(kubectl.getString("version")).isEqualTo("kubectl v9.9.9-fake");
    JsonObject istioctl = status.getJsonArray("tools").getJsonObject(2);
    assertThat(istioctl.getString("name")).isEqualTo("istioctl");
    assertThat(istioctl.getBoolean("installed")).isFalse();
    assertThat(status.getJsonArray("filters")).hasSize(6);
  }

  @Test
  void openApiDescribesTheEndpoints() throws Exception {
    HttpResponse<String> res = get("/openapi.json");
    JsonObject doc = json(res.body());
    assertThat(doc.getString("openapi")).isEqualTo("3.1.0");
    assertThat(doc.getJsonObject("paths").keySet())
        .contains("/tools/{tool}", "/tools/status", "/health", "/openapi.json", "/docs", "/mcp");
    JsonObject post =
        doc.getJsonObject("paths").getJsonObject("/tools/{tool}").getJsonObject("post");
    assertThat(post.getJsonObject("responses").keySet())
        .contains("200", "400", "403", "404", "503", "504");
    assertThat(
            doc.getJsonObject("components")
                .getJsonObject("schemas")
                .getJsonObject("ToolRequest")
                .getJsonArray("required")
                .getString(0))
        .isEqualTo("command");
  }

  @Test
  void docsPageIsSelfContainedHtml() throws Exception {
    HttpResponse<String> res = get("/docs");
    assertThat(res.statusCode()).isEqualTo(200);
    assertThat(res.headers().firstValue("Content-Type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
    assertThat(res.body())
        .contains("<h1>MCP Kubernetes tools server</h1>")
        .contains("/tools/{tool}")
        .contains("X-Kubeconfig")
        .contains("TIMEOUT_ERROR")
        .contains("Example: Running pods of a namespace")
        .doesNotContain("<script")
        .doesNotContain("https://cdn");
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(server.url(path))).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> post(String path, String body, String kubeconfigHeader)
      throws Exception {
    HttpRequest.Builder req =
        HttpRequest.newBuilder(URI.create(server.url(path)))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (kubeconfigHeader != null) {
      req.header("X-Kubeconfig", kubeconfigHeader);
    }
    return HTTP.send(req.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static JsonObject json(String text) {
    return Json.createReader(new StringReader(text)).readObject();
  }
}
