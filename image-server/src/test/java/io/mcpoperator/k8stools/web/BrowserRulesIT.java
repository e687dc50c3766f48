package io.mcpoperator.k8stools.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcpoperator.k8stools.RawHttp;
import io.mcpoperator.k8stools.RunningServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What keeps a web page from driving the CLIs through a user's browser, and oversized input from
 * reaching the operating system: Origin, Content-Type, body size and command length.
 */
class BrowserRulesIT {
  private static final String RUN = "{\"command\": \"kubectl args get pods\"}";

  @TempDir static Path tmp;
  private static RunningServer loopbackOnly;
  private static RunningServer configured;
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    loopbackOnly = RunningServer.start(Files.createDirectory(tmp.resolve("a")));
    configured =
        RunningServer.start(
            Files.createDirectory(tmp.resolve("b")),
            List.of("--allowed-origins", "https://console.example, https://ops.example"));
  }

  @AfterAll
  static void stop() {
    loopbackOnly.close();
    configured.close();
  }

  @ParameterizedTest(name = "{0} origin {1} -> {2}")
  @CsvSource({
    "loopback,   https://evil.example,   403",
    "loopback,   http://localhost:3000,  200",
    "loopback,   http://127.0.0.1,       200",
    "configured, https://evil.example,   403",
    "configured, https://console.example, 200",
    "configured, https://OPS.example/,   200",
    "configured, http://localhost:3000,  403",
    "configured, null,                   403",
  })
  void originMustBeAllowed(String server, String origin, int status) throws Exception {
    RunningServer target = server.equals("loopback") ? loopbackOnly : configured;
    HttpResponse<String> res =
        HTTP.send(
            post(target, "application/json", RUN).header("Origin", origin).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(res.statusCode()).as(res.body()).isEqualTo(status);
    JsonObject body = json(res.body());
    if (status == 403) {
      assertThat(body.getString("error_code")).isEqualTo("VALIDATION_ERROR");
      assertThat(body.getString("error")).contains("Origin '" + origin + "' is not allowed");
      assertThat(body.getString("output")).isEmpty();
    } else {
      assertThat(body.getString("output")).isEqualTo("[get]\n[pods]\n");
    }
  }

  @Test
  void noOriginIsANonBrowserClientAndPasses() throws Exception {
    HttpResponse<String> res =
        HTTP.send(
            post(configured, "application/json", RUN).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(res.statusCode()).isEqualTo(200);
  }

  @Test
  void statusPageChecksTheOriginToo() throws Exception {
    HttpResponse<String> res =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(loopbackOnly.url("/tools/status")))
                .header("Origin", "https://evil.example")
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(res.statusCode()).isEqualTo(403);
    assertThat(json(res.body()).getString("error")).contains("not allowed");
  }

  @ParameterizedTest(name = "Content-Type {0} -> {1}")
  @CsvSource({
    "text/plain,                        415",
    "application/x-www-form-urlencoded, 415",
    "multipart/form-data; boundary=x,   415",
    "application/json,                  200",
    "Application/JSON; charset=utf-8,   200",
  })
  void postNeedsAJsonContentType(String type, int status) throws Exception {
    HttpResponse<String> res =
        HTTP.send(post(loopbackOnly, type, RUN).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(res.statusCode()).as(res.body()).isEqualTo(status);
    assertThat(res.headers().firstValue("Content-Type")).contains("application/json");
    if (status == 415) {
      assertThat(json(res.body()).getString("error"))
          .isEqualTo("Content-Type must be application/json, got '" + type + "'");
    }
  }

  @Test
  void postWithoutContentTypeIs415() throws Exception {
    RawHttp.Answer answer =
        RawHttp.send(
            loopbackOnly.port(),
            "POST /tools/kubectl HTTP/1.1\r\nHost: x\r\nContent-Length: " + RUN.length(),
            RUN.getBytes(StandardCharsets.UTF_8),
            1);
    assertThat(answer.status()).isEqualTo(415);
    assertThat(json(answer.body()).getString("error")).contains("sent none");
  }

  @Test
  void bodyOverTheCapIs413WithAJsonBody() throws Exception {
    RawHttp.Answer answer =
        RawHttp.send(
            loopbackOnly.port(),
            "POST /tools/kubectl HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                + "Content-Length: 5000000",
            new byte[0],
            0);
    assertThat(answer.status()).isEqualTo(413);
    assertThat(answer.head().toLowerCase()).contains("content-type: application/json");
    JsonObject body = json(answer.body());
    assertThat(body.getString("error_code")).isEqualTo("VALIDATION_ERROR");
    assertThat(body.getString("error")).contains("larger than the server's limit of 4194304");
  }

  @Test
  void chunkedBodyOverTheCapIs413WithAJsonBody() throws Exception {
    byte[] chunk = ("4000\r\n" + "x".repeat(0x4000) + "\r\n").getBytes(StandardCharsets.UTF_8);
    RawHttp.Answer answer =
        RawHttp.send(
            loopbackOnly.port(),
            "POST /tools/kubectl HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked",
            chunk,
            300);
    assertThat(answer.status()).isEqualTo(413);
    assertThat(json(answer.body()).getString("error")).contains("larger than");
  }

  @Test
  void overLongCommandIsRefusedBeforeAnythingRuns() throws Exception {
    String command = "kubectl get pods " + "a ".repeat(500_000);
    HttpResponse<String> res =
        HTTP.send(
            post(loopbackOnly, "application/json", "{\"command\": \"" + command + "\"}").build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(res.statusCode()).isEqualTo(400);
    JsonObject body = json(res.body());
    assertThat(body.getString("error_code")).isEqualTo("VALIDATION_ERROR");
    assertThat(body.getString("error"))
        .isEqualTo(
            "command is too long: 1000017 bytes, at most 65536 are accepted; pass large content"
                + " through a URL or the cluster instead");
    assertThat(res.body()).doesNotContain("error=7").doesNotContain(tmp.toString());
  }

  @Test
  void oneLongWordIsRefusedToo() throws Exception {
    String command = "kubectl get pods -l " + "x".repeat(200_000);
    HttpResponse<String> res =
        HTTP.send(
            post(loopbackOnly, "application/json", "{\"command\": \"" + command + "\"}").build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(res.statusCode()).isEqualTo(400);
    assertThat(json(res.body()).getString("error")).startsWith("command is too long");
  }

  private static HttpRequest.Builder post(RunningServer server, String type, String body) {
    return HttpRequest.newBuilder(URI.create(server.url("/tools/kubectl")))
        .header("Content-Type", type)
        .POST(HttpRequest.BodyPublishers.ofString(body));
  }

  private static JsonObject json(String text) {
    return Json.createReader(new StringReader(text)).readObject();
  }
}
