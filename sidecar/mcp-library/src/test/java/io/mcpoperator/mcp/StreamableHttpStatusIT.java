package io.mcpoperator.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcpoperator.mcp.jsonrpc.Json;
import io.mcpoperator.mcp.testing.EchoBackend;
import io.mcpoperator.mcp.testing.RawClient;
import io.mcpoperator.mcp.testing.TestServer;
import io.mcpoperator.mcp.transport.McpHttpEndpoint;
import io.mcpoperator.mcp.transport.TransportLimits;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Table of malformed and hostile requests and the exact answer each gets. */
class StreamableHttpStatusIT {
  private static final String SESSION = "$session";
  private static final String OLD_SESSION = "$old-session";
  private static TestServer server;
  private static RawClient client;
  private static String session;
  private static String oldSession;

  @BeforeAll
  static void start() {
    var limits = new TransportLimits(2048, Duration.ofSeconds(5), 50, Duration.ofSeconds(15), 64);
    server =
        new TestServer(
            McpHttpEndpoint.builder()
                .backend(new EchoBackend())
                .limits(limits)
                .allowedOrigins(List.of("https://app.example.com"))
                .build());
    client = new RawClient(server.baseUri());
    session = client.initialize("2025-06-18");
    oldSession = client.initialize("2025-03-26");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  record Case(
      String name,
      String method,
      Map<String, String> headers,
      String body,
      int status,
      String bodyContains) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static final String PING = "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"ping\"}";
  private static final String JSON = "application/json";
  private static final String MODERN = "2026-07-28";
  private static final String META =
      "\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\","
          + "\"io.modelcontextprotocol/clientCapabilities\":{}}";

  /** A 2026-07-28 request with id 3: {@code fields} names the method (and params with META). */
  private static String modern(String fields) {
    String body =
        fields.contains("META")
            ? fields.replace("META", META)
            : fields + ",\"params\":{" + META + "}";
    return "{\"jsonrpc\":\"2.0\",\"id\":3," + body + "}";
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        c(
            "foreign Origin",
            "POST",
            h("Origin", "https://evil.example"),
            RawClient.initializeBody("2025-06-18"),
            403,
            "Origin"),
        c(
            "configured Origin",
            "POST",
            h("Origin", "https://app.example.com"),
            RawClient.initializeBody("2025-06-18"),
            200,
            "\"protocolVersion\":\"2025-06-18\""),
        c("wrong Content-Type", "POST", h("Content-Type", "text/plain"), PING, 415, "Content-Type"),
        c("Accept without SSE", "POST", h("Accept", JSON), PING, 406, "Accept"),
        c(
            "body over the cap",
            "POST",
            h(),
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",\"params\":{\"x\":\""
                + "a".repeat(3000)
                + "\"}}",
            413,
            "2048"),
        c("not JSON", "POST", h("Mcp-Session-Id", SESSION), "{oops", 400, "-32700"),
        c("not JSON-RPC", "POST", h("Mcp-Session-Id", SESSION), "{\"id\":1}", 400, "-32600"),
        c("no session header", "POST", h(), PING, 400, "Mcp-Session-Id"),
        c("unknown session", "POST", h("Mcp-Session-Id", "nope"), PING, 404, "Session not found"),
        c(
            "unsupported version header",
            "POST",
            h("Mcp-Session-Id", SESSION, "MCP-Protocol-Version", "1999-01-01"),
            PING,
            400,
            "\"code\":-32022,\"message\":\"Unsupported protocol version 1999-01-01\",\"data\":{\"supported\":[\"2026-07-28\""),
        c(
            "ping",
            "POST",
            h("Mcp-Session-Id", SESSION, "MCP-Protocol-Version", "2025-06-18"),
            PING,
            200,
            "\"result\":{}"),
        c(
            "unknown method",
            "POST",
            h("Mcp-Session-Id", SESSION),
            "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"nope\"}",
            200,
            "-32601"),
        c(
            "bad log level",
            "POST",
            h("Mcp-Session-Id", SESSION),
            "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"logging/setLevel\",\"params\":{\"level\":\"loud\"}}",
            200,
            "-32602"),
        c(
            "notification only",
            "POST",
            h("Mcp-Session-Id", SESSION),
            "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/roots/list_changed\"}",
            202,
            ""),
        c(
            "response only",
            "POST",
            h("Mcp-Session-Id", SESSION),
            "{\"jsonrpc\":\"2.0\",\"id\":\"x\",\"result\":{}}",
            202,
            ""),
        c(
            "batch on 2025-06-18",
            "POST",
            h("Mcp-Session-Id", SESSION),
            "[" + PING + "]",
            400,
            "batches"),
        c(
            "batch on 2025-03-26",
            "POST",
            h("Mcp-Session-Id", OLD_SESSION),
            "[" + PING + ",7]",
            200,
            "[{\"jsonrpc\":\"2.0\",\"id\":5,\"result\":{}},{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32600"),
        c(
            "initialize in a batch",
            "POST",
            h(),
            "[" + RawClient.initializeBody("2025-03-26") + "," + PING + "]",
            400,
            "alone"),
        c(
            "initialize without version",
            "POST",
            h(),
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{}}",
            200,
            "-32602"),
        c(
            "initialize with unknown version",
            "POST",
            h(),
            RawClient.initializeBody("2099-01-01"),
            200,
            "\"protocolVersion\":\"2025-11-25\""),
        c(
            "stateless request",
            "POST",
            h("MCP-Protocol-Version", MODERN, "Mcp-Method", "tools/list"),
            modern("\"method\":\"tools/list\""),
            200,
            "\"name\":\"echo\""),
        c(
            "stateless result carries resultType",
            "POST",
            h(
                "MCP-Protocol-Version",
                MODERN,
                "Mcp-Method",
                "tools/list",
                "Mcp-Session-Id",
                "stray"),
            modern("\"method\":\"tools/list\""),
            200,
            "\"resultType\":\"complete\""),
        c(
            "stateless discover",
            "POST",
            h("MCP-Protocol-Version", MODERN, "Mcp-Method", "server/discover"),
            modern("\"method\":\"server/discover\""),
            200,
            "\"supportedVersions\""),
        c(
            "stateless without Mcp-Method",
            "POST",
            h("MCP-Protocol-Version", MODERN),
            modern("\"method\":\"tools/list\""),
            400,
            "\"code\":-32020"),
        c(
            "stateless Mcp-Method not matching the body",
            "POST",
            h("MCP-Protocol-Version", MODERN, "Mcp-Method", "tools/call"),
            modern("\"method\":\"tools/list\""),
            400,
            "Mcp-Method header 'tools/call' does not match body 'tools/list'"),
        c(
            "stateless tools/call without Mcp-Name",
            "POST",
            h("MCP-Protocol-Version", MODERN, "Mcp-Method", "tools/call"),
            modern("\"method\":\"tools/call\",\"params\":{\"name\":\"echo\",META}"),
            400,
            "Mcp-Name header is required"),
        c(
            "stateless tools/call with a Base64 Mcp-Name",
            "POST",
            h(
                "MCP-Protocol-Version",
                MODERN,
                "Mcp-Method",
                "tools/call",
                "Mcp-Name",
                "=?base64?ZWNobw==?="),
            modern(
                "\"method\":\"tools/call\",\"params\":{\"name\":\"echo\",\"arguments\":{\"text\":\"hi\"},META}"),
            200,
            "\"text\":\"hi\""),
        c(
            "stateless Mcp-Name not matching the body",
            "POST",
            h("MCP-Protocol-Version", MODERN, "Mcp-Method", "resources/read", "Mcp-Name", "a://x"),
            modern("\"method\":\"resources/read\",\"params\":{\"uri\":\"a://y\",META}"),
            400,
            "Mcp-Name header 'a://x' does not match body 'a://y'"),
        c(
            "stateless version header not matching _meta",
            "POST",
            h("MCP-Protocol-Version", "2025-11-25", "Mcp-Method", "tools/list"),
            modern("\"method\":\"tools/list\""),
            400,
            "\"code\":-32020"),
        c(
            "stateless without the version header",
            "POST",
            h("Mcp-Method", "tools/list"),
            modern("\"method\":\"tools/list\""),
            400,
            "MCP-Protocol-Version header is required"),
        c(
            "stateless without client capabilities",
            "POST",
            h("MCP-Protocol-Version", MODERN, "Mcp-Method", "tools/list"),
            "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/list\",\"params\":{\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\"}}}",
            400,
            "\"code\":-32602"),
        c(
            "stateless future version",
            "POST",
            h("Mcp-Method", "tools/list", "MCP-Protocol-Version", "2027-01-01"),
            modern("\"method\":\"tools/list\"").replace(MODERN, "2027-01-01"),
            400,
            "\"requested\":\"2027-01-01\""),
        c(
            "stateless unknown method",
            "POST",
            h("MCP-Protocol-Version", MODERN, "Mcp-Method", "nope"),
            modern("\"method\":\"nope\""),
            404,
            "\"code\":-32601"),
        c(
            "stateless batch",
            "POST",
            h("MCP-Protocol-Version", MODERN, "Mcp-Method", "tools/list"),
            "[" + modern("\"method\":\"tools/list\"") + "]",
            400,
            "no batches"),
        c("PUT", "PUT", h("Mcp-Session-Id", SESSION), PING, 405, "Method Not Allowed"),
        c(
            "GET without SSE Accept",
            "GET",
            h("Accept", JSON, "Mcp-Session-Id", SESSION),
            null,
            406,
            "text/event-stream"),
        c(
            "GET without session",
            "GET",
            h("Accept", "text/event-stream"),
            null,
            400,
            "Mcp-Session-Id"),
        c(
            "GET unknown session",
            "GET",
            h("Accept", "text/event-stream", "Mcp-Session-Id", "nope"),
            null,
            404,
            "Session not found"),
        c(
            "GET stateless",
            "GET",
            h("Accept", "text/event-stream", "MCP-Protocol-Version", "2026-07-28"),
            null,
            405,
            "no GET stream"),
        c("DELETE without session", "DELETE", h(), null, 400, "Mcp-Session-Id"),
        c(
            "DELETE unknown session",
            "DELETE",
            h("Mcp-Session-Id", "nope"),
            null,
            404,
            "Session not found"),
        c("legacy POST without session", "POST", h("$path", "/messages"), PING, 400, "sessionId"),
        c(
            "legacy POST unknown session",
            "POST",
            h("$path", "/messages?sessionId=nope"),
            PING,
            404,
            "Session not found"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void answersExactly(Case c) {
    var headers = new HashMap<String, String>();
    headers.put("Content-Type", JSON);
    headers.put("Accept", RawClient.ACCEPT_BOTH);
    c.headers()
        .forEach(
            (k, v) -> headers.put(k, v.replace(OLD_SESSION, oldSession).replace(SESSION, session)));
    String path = headers.getOrDefault("$path", "/mcp");
    headers.remove("$path");
    var res = client.send(c.method(), path, headers, c.body());
    assertThat(res.statusCode()).as(res.body()).isEqualTo(c.status());
    assertThat(res.body()).contains(c.bodyContains());
    if (c.status() == 405) {
      assertThat(res.headers().firstValue("Allow")).isPresent();
    }
    if (c.status() >= 400 && !res.body().isEmpty()) {
      assertThat(Json.parse(res.body()).asJsonObject().getJsonObject("error").getInt("code"))
          .isNegative();
    }
  }

  private static Arguments c(
      String name,
      String method,
      Map<String, String> headers,
      String body,
      int status,
      String contains) {
    return Arguments.of(new Case(name, method, headers, body, status, contains));
  }

  private static Map<String, String> h(String... kv) {
    var map = new HashMap<String, String>();
    for (int i = 0; i < kv.length; i += 2) {
      map.put(kv[i], kv[i + 1]);
    }
    return map;
  }
}
