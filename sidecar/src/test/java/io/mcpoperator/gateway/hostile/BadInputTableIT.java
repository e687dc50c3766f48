package io.mcpoperator.gateway.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcpoperator.gateway.Main;
import io.mcpoperator.gateway.testing.FileConfiguredGateway;
import io.mcpoperator.gateway.testing.LogCapture;
import io.mcpoperator.mcp.jsonrpc.Json;
import io.mcpoperator.mcp.testing.RawClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The gateway's bad-input table: one hostile request per row against the packaged gateway (started
 * from a config file, stdio upstream), each with the HTTP status and JSON-RPC error code a client
 * gets. After every row the health endpoint answers 200; at the end nothing was logged as ERROR or
 * with a stack trace.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputTableIT {
  private static final String OK = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}";
  private static final String CALL = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",";

  private LogCapture log;
  private Main.Running running;
  private RawClient client;
  private String session;

  /** Which Mcp-Session-Id a row sends. */
  enum Session {
    VALID,
    NONE,
    FORGED
  }

  @BeforeAll
  void start() throws Exception {
    log = new LogCapture();
    Path dir = Files.createTempDirectory("bad-input");
    running =
        FileConfiguredGateway.start(
            dir, Json.object().add("maxBodyBytes", 1 << 20).add("requestTimeoutMs", 5_000).build());
    client = new RawClient("http://127.0.0.1:" + running.gateway().port());
    session = client.initialize("2025-06-18");
  }

  @AfterAll
  void stop() {
    try {
      assertThat(log.errors()).as("ERROR log lines or stack traces").isEmpty();
    } finally {
      running.close();
      log.close();
    }
  }

  static Arguments row(
      String name,
      String method,
      Session s,
      Map<String, String> headers,
      String body,
      int status,
      Integer code) {
    return Arguments.of(name, method, s, headers, body, status, code);
  }

  static Stream<Arguments> rows() {
    Map<String, String> none = Map.of();
    String mib = "x".repeat(1 << 20);
    return Stream.of(
        row("valid request (control)", "POST", Session.VALID, none, OK, 200, null),
        row("not JSON", "POST", Session.VALID, none, "hello", 400, -32700),
        row("empty body", "POST", Session.VALID, none, "", 400, -32700),
        row(
            "truncated object",
            "POST",
            Session.VALID,
            none,
            "{\"jsonrpc\":\"2.0\",\"id\":1,",
            400,
            -32700),
        row("trailing garbage", "POST", Session.VALID, none, OK + "xyz", 400, -32700),
        row("two objects", "POST", Session.VALID, none, OK + OK, 400, -32700),
        row(
            "nesting 100,000",
            "POST",
            Session.VALID,
            none,
            "[".repeat(100_000) + "]".repeat(100_000),
            400,
            -32700),
        row(
            "nesting 2,000 in params",
            "POST",
            Session.VALID,
            none,
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\",\"params\":"
                + "{\"a\":".repeat(2_000)
                + "1"
                + "}".repeat(2_001),
            400,
            -32700),
        row(
            "number of 5,000 digits as id",
            "POST",
            Session.VALID,
            none,
            "{\"jsonrpc\":\"2.0\",\"id\":" + "9".repeat(5_000) + ",\"method\":\"tools/list\"}",
            400,
            -32700),
        row(
            "exponent 1e9999999999",
            "POST",
            Session.VALID,
            none,
            "{\"jsonrpc\":\"2.0\",\"id\":1e9999999999,\"method\":\"tools/list\"}",
            400,
            -32700),
        row(
            "lone surrogate escape",
            "POST",
            Session.VALID,
            none,
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"\\ud800\"}",
            200,
            -32601),
        row(
            "bad escape",
            "POST",
            Session.VALID,
            none,
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"\\x\"}",
            400,
            -32700),
        row(
            "invalid UTF-8",
            "POST",
            Session.VALID,
            none,
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"\u00ff\"}",
            200,
            -32601),
        row("array of numbers", "POST", Session.VALID, none, "[1,2,3]", 400, -32600),
        row("empty batch", "POST", Session.VALID, none, "[]", 400, -32600),
        row("JSON string", "POST", Session.VALID, none, "\"tools/list\"", 400, -32600),
        row("JSON null", "POST", Session.VALID, none, "null", 400, -32600),
        row(
            "missing jsonrpc",
            "POST",
            Session.VALID,
            none,
            "{\"id\":1,\"method\":\"tools/list\"}",
            400,
            -32600),
        row(
            "jsonrpc 1.0",
            "POST",
            Session.VALID,
            none,
            "{\"jsonrpc\":\"1.0\",\"id\":1,\"method\":\"tools/list\"}",
            400,
            -32600),
        row(
            "method a number",
            "POST",
            Session.VALID,
            none,
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":7}",
            400,
            -32600),
        row(
            "_meta a string (SDK upstreams drop it unanswered)",
            "POST",
            Session.VALID,
            none,
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\",\"params\":{\"_meta\":\"x\"}}",
            400,
            -32600),
        row(
            "id an object",
            "POST",
            Session.VALID,
            none,
            "{\"jsonrpc\":\"2.0\",\"id\":{},\"method\":\"tools/list\"}",
            400,
            -32600),
        row(
            "unknown method",
            "POST",
            Session.VALID,
            none,
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"nope/nope\"}",
            200,
            -32601),
        row(
            "1 MiB method name",
            "POST",
            Session.VALID,
            none,
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + "m".repeat(1 << 19) + "\"}",
            200,
            -32601),
        row(
            "1 MiB tool name",
            "POST",
            Session.VALID,
            none,
            CALL + "\"params\":{\"name\":\"" + "t".repeat((1 << 20) - 200) + "\"}}",
            200,
            null),
        row(
            "params a string",
            "POST",
            Session.VALID,
            none,
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\",\"params\":\"x\"}",
            400,
            -32600),
        row(
            "tools/call without name",
            "POST",
            Session.VALID,
            none,
            CALL + "\"params\":{}}",
            200,
            null),
        row("oversized body", "POST", Session.VALID, none, "[\"" + mib + "\"]", 413, -32600),
        row(
            "batch with initialize",
            "POST",
            Session.VALID,
            Map.of("MCP-Protocol-Version", "2025-03-26"),
            "[" + RawClient.initializeBody("2025-03-26") + "]",
            400,
            -32600),
        row(
            "second initialize on a session",
            "POST",
            Session.VALID,
            none,
            RawClient.initializeBody("2025-06-18"),
            400,
            -32600),
        row("no session id", "POST", Session.NONE, none, OK, 400, -32600),
        row("unknown session id", "POST", Session.FORGED, none, OK, 404, -32001),
        row(
            "session id of 8 KiB",
            "POST",
            Session.NONE,
            Map.of("Mcp-Session-Id", "s".repeat(8_000)),
            OK,
            404,
            -32001),
        row(
            "unsupported protocol version",
            "POST",
            Session.VALID,
            Map.of("MCP-Protocol-Version", "1999-01-01"),
            OK,
            400,
            -32022),
        row(
            "protocol version garbage",
            "POST",
            Session.VALID,
            Map.of("MCP-Protocol-Version", "2025-06-18; drop"),
            OK,
            400,
            -32022),
        row(
            "text/plain",
            "POST",
            Session.VALID,
            Map.of("Content-Type", "text/plain"),
            OK,
            415,
            -32600),
        row("no content type", "POST", Session.VALID, Map.of("Content-Type", ""), OK, 415, -32600),
        row(
            "form content type",
            "POST",
            Session.VALID,
            Map.of("Content-Type", "application/x-www-form-urlencoded"),
            OK,
            415,
            -32600),
        row(
            "Accept text/html",
            "POST",
            Session.VALID,
            Map.of("Accept", "text/html"),
            OK,
            406,
            -32600),
        row(
            "Accept JSON only",
            "POST",
            Session.VALID,
            Map.of("Accept", "application/json"),
            OK,
            406,
            -32600),
        row(
            "foreign Origin",
            "POST",
            Session.VALID,
            Map.of("Origin", "https://evil.example"),
            OK,
            403,
            null),
        row("PUT /mcp", "PUT", Session.VALID, none, OK, 405, null),
        row("PATCH /mcp", "PATCH", Session.VALID, none, OK, 405, null),
        row("DELETE unknown session", "DELETE", Session.FORGED, none, null, 404, null),
        row(
            "GET stream with wrong Accept",
            "GET",
            Session.VALID,
            Map.of("Accept", "application/json"),
            null,
            406,
            null),
        row(
            "GET stream of unknown session",
            "GET",
            Session.FORGED,
            Map.of("Accept", "text/event-stream"),
            null,
            404,
            null),
        row(
            "notification only",
            "POST",
            Session.VALID,
            none,
            "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/whatever\"}",
            202,
            null),
        row(
            "response nobody asked for",
            "POST",
            Session.VALID,
            none,
            "{\"jsonrpc\":\"2.0\",\"id\":77,\"result\":{}}",
            202,
            null),
        row(
            "batch of 3,000 junk values",
            "POST",
            Session.VALID,
            none,
            "[" + "1,".repeat(2_999) + "1]",
            400,
            -32600));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void hostileInputGetsAClientErrorAndTheGatewayStaysHealthy(
      String name,
      String method,
      Session s,
      Map<String, String> extra,
      String body,
      int status,
      Integer code) {
    Map<String, String> headers = new HashMap<>();
    headers.put("Content-Type", "application/json");
    headers.put("Accept", RawClient.ACCEPT_BOTH);
    switch (s) {
      case VALID -> headers.put("Mcp-Session-Id", session);
      case FORGED -> headers.put("Mcp-Session-Id", "forged-session");
      case NONE -> {}
    }
    headers.putAll(extra);
    headers.values().removeIf(String::isEmpty);
    HttpResponse<String> response = client.send(method, "/mcp", headers, body);
    assertThat(response.statusCode()).as(name + ": " + preview(response.body())).isEqualTo(status);
    if (code != null) {
      assertThat(response.body()).as(name).contains("\"code\":" + code);
    }
    assertThat(client.send("GET", "/observe/health", Map.of(), null).statusCode())
        .as("health after " + name)
        .isEqualTo(200);
  }

  private static String preview(String body) {
    return body.length() > 300 ? body.substring(0, 300) + "…" : body;
  }
}
