package io.mcpoperator.k8stools;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
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
import org.slf4j.LoggerFactory;

/**
 * The bad-input table: each hostile or malformed request gets its specific status and error text,
 * the server stays healthy, and nothing is logged as an ERROR or with a stack trace.
 */
class BadInputTableIT {
  @TempDir static Path tmp;
  private static RunningServer server;
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final ListAppender<ILoggingEvent> LOG = new ListAppender<>();
  private static final Logger ROOT =
      (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  private static final String MCP_HEAD =
      "POST /mcp HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
          + "Accept: application/json, text/event-stream\r\nContent-Length: ";

  @BeforeAll
  static void start() throws Exception {
    LOG.start();
    ROOT.addAppender(LOG);
    server = RunningServer.start(tmp);
  }

  @AfterAll
  static void stop() {
    server.close();
    ROOT.detachAppender(LOG);
  }

  static Stream<Arguments> table() {
    String deep = "[".repeat(5000) + "]".repeat(5000);
    String longNumber = "{\"command\": " + "9".repeat(3000) + "}";
    return Stream.of(
        Arguments.of("empty body", "/tools/kubectl", "", 400, "\"error\""),
        Arguments.of("not JSON", "/tools/kubectl", "get pods", 400, "\"error\""),
        Arguments.of("JSON array", "/tools/kubectl", "[1,2]", 400, "\"error\""),
        Arguments.of("no command", "/tools/kubectl", "{}", 400, "command is required"),
        Arguments.of(
            "blank command", "/tools/kubectl", "{\"command\": \"  \"}", 400, "command is required"),
        Arguments.of("command a number", "/tools/kubectl", "{\"command\": 5}", 400, "\"error\""),
        Arguments.of("deep nesting", "/tools/kubectl", deep, 400, "\"error\""),
        Arguments.of("long number", "/tools/kubectl", longNumber, 400, "\"error\""),
        Arguments.of(
            "huge exponent", "/tools/kubectl", "{\"command\": 1e9999999999}", 400, "\"error\""),
        Arguments.of(
            "shell chaining",
            "/tools/kubectl",
            "{\"command\": \"get pods; rm -rf /\"}",
            400,
            "\"error\""),
        Arguments.of(
            "command substitution",
            "/tools/kubectl",
            "{\"command\": \"get pods $(id)\"}",
            400,
            "\"error\""),
        Arguments.of(
            "redirection",
            "/tools/kubectl",
            "{\"command\": \"get pods > /etc/x\"}",
            400,
            "\"error\""),
        Arguments.of(
            "pipe into a program",
            "/tools/kubectl",
            "{\"command\": \"get pods | sh\"}",
            400,
            "\"error\""),
        Arguments.of(
            "another tool's command",
            "/tools/kubectl",
            "{\"command\": \"helm list\"}",
            400,
            "send it to the helm tool"),
        Arguments.of(
            "a program path",
            "/tools/kubectl",
            "{\"command\": \"/bin/sh -c id\"}",
            400,
            "got the program '/bin/sh'"),
        Arguments.of(
            "over-long command",
            "/tools/kubectl",
            "{\"command\": \"get " + "x".repeat(200_000) + "\"}",
            400,
            "\"error\""),
        Arguments.of("unknown tool", "/tools/bash", "{\"command\": \"id\"}", 404, "\"error\""),
        Arguments.of(
            "bad kubeconfig type",
            "/tools/kubectl",
            "{\"command\": \"get pods\", \"namespace\": 7}",
            400,
            "\"error\""));
  }

  @ParameterizedTest(name = "REST {0} -> {3}")
  @MethodSource("table")
  void restAnswersTheTable(String name, String path, String body, int status, String fragment)
      throws Exception {
    HttpResponse<String> res =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(server.url(path)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(res.statusCode()).as(name + ": " + abbreviate(res.body())).isEqualTo(status);
    assertThat(res.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
    assertThat(res.body()).contains(fragment).doesNotContain("Exception").doesNotContain("/usr/");
    healthyAndQuiet();
  }

  static Stream<Arguments> mcpTable() {
    return Stream.of(
        Arguments.of("not JSON", "{", -32700),
        Arguments.of("deep nesting", "[".repeat(5000) + "]".repeat(5000), -32700),
        Arguments.of(
            "huge exponent",
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",\"params\":{\"x\":1e9999999999}}",
            -32700),
        Arguments.of("not an object", "42", -32600),
        Arguments.of("no method", "{\"jsonrpc\":\"2.0\",\"id\":1}", -32600));
  }

  @ParameterizedTest(name = "MCP {0} -> {2}")
  @MethodSource("mcpTable")
  void mcpAnswersJsonRpcErrors(String name, String body, int code) throws Exception {
    RawHttp.Answer answer =
        RawHttp.send(server.port(), MCP_HEAD + body.getBytes().length, body.getBytes(), 1);
    assertThat(answer.status()).as(name).isBetween(200, 499);
    assertThat(answer.body()).as(name).contains("\"code\":" + code);
    healthyAndQuiet();
  }

  private static void healthyAndQuiet() throws Exception {
    HttpResponse<String> health =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(server.url("/health"))).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(LOG.list)
        .filteredOn(e -> e.getLevel() == Level.ERROR || e.getThrowableProxy() != null)
        .extracting(ILoggingEvent::getFormattedMessage)
        .isEmpty();
  }

  private static String abbreviate(String s) {
    return s.length() > 300 ? s.substring(0, 300) + "..." : s;
  }
}
