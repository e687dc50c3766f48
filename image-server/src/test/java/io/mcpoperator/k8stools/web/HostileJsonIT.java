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
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** JSON the parser refuses (too deep, too long a number, too large an exponent) is a 400. */
class HostileJsonIT {
  @TempDir static Path tmp;
  private static RunningServer server;
  private static String session;
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    server = RunningServer.start(tmp);
    HttpResponse<String> init =
        mcp(
            null,
            "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{"
                + "\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},"
                + "\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}");
    session = init.headers().firstValue("Mcp-Session-Id").orElseThrow();
    mcp(session, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static Stream<Arguments> hostile() {
    String call =
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"kubectl\","
            + "\"arguments\":{\"command\":\"kubectl args\",\"x\":%s}}}";
    String rest = "{\"command\": \"kubectl args\", \"x\": %s}";
    return Stream.of(
        Arguments.of(
            "nesting 1000",
            rest.formatted("[".repeat(1000) + "]".repeat(1000)),
            call.formatted("[".repeat(1000) + "]".repeat(1000)),
            -32700),
        Arguments.of(
            "nesting 100000 unclosed",
            rest.formatted("[".repeat(100_000)),
            call.formatted("{\"a\":".repeat(100_000)),
            -32700),
        Arguments.of(
            "2000-digit number",
            rest.formatted("1".repeat(2000)),
            call.formatted("1".repeat(2000)),
            -32700),
        Arguments.of(
            "huge exponent",
            rest.formatted("1e9999999999"),
            call.formatted("1e9999999999"),
            -32700),
        Arguments.of(
            "huge exponent as id",
            rest.formatted("-1e9999999999"),
            "{\"jsonrpc\":\"2.0\",\"id\":1e9999999999,\"method\":\"tools/list\"}",
            -32700),
        Arguments.of(
            "exponent in range as id",
            rest.formatted("1e999999999"),
            "{\"jsonrpc\":\"2.0\",\"id\":1e999999999,\"method\":\"tools/list\"}",
            -32600));
  }

  @ParameterizedTest(name = "REST {0}")
  @MethodSource("hostile")
  void restAnswers400WithAJsonError(String name, String rest, String mcp, int code)
      throws Exception {
    HttpResponse<String> res =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(server.url("/tools/kubectl")))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(rest))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (name.startsWith("exponent in range")) {
      // a valid document: the extra member is ignored and the command runs
      assertThat(res.statusCode()).as(res.body()).isEqualTo(200);
      return;
    }
    assertThat(res.statusCode()).as(res.body()).isEqualTo(400);
    assertThat(res.headers().firstValue("Content-Type")).contains("application/json");
    JsonObject body = json(res.body());
    assertThat(body.getString("error_code")).isEqualTo("VALIDATION_ERROR");
    assertThat(body.getString("error")).startsWith("request body is not valid JSON");
    assertThat(res.body()).doesNotContain("\tat ").doesNotContain("Exception");
  }

  @ParameterizedTest(name = "MCP {0}")
  @MethodSource("hostile")
  void mcpAnswersAJsonRpcError(String name, String rest, String mcp, int code) throws Exception {
    HttpResponse<String> res = mcp(session, mcp);
    assertThat(res.statusCode()).as(res.body()).isEqualTo(400);
    JsonObject body = json(res.body());
    assertThat(body.getJsonObject("error").getInt("code")).isEqualTo(code);
    assertThat(res.body()).doesNotContain("\tat ").doesNotContain("Exception");
  }

  private static HttpResponse<String> mcp(String session, String body) throws Exception {
    HttpRequest.Builder req =
        HttpRequest.newBuilder(URI.create(server.url("/mcp")))
            .header("Content-Type", "application/json")
            .header("Accept", "application/json, text/event-stream")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (session != null) {
      req.header("Mcp-Session-Id", session).header("MCP-Protocol-Version", "2025-06-18");
    }
    return HTTP.send(req.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static JsonObject json(String text) {
    return Json.createReader(new StringReader(text)).readObject();
  }
}
