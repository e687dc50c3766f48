package io.mcpoperator.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcpoperator.mcp.jsonrpc.Json;
import io.mcpoperator.mcp.testing.EchoBackend;
import io.mcpoperator.mcp.testing.RawClient;
import io.mcpoperator.mcp.testing.TestServer;
import io.mcpoperator.mcp.transport.McpHttpEndpoint;
import io.mcpoperator.mcp.transport.TransportLimits;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One admission chain for both ways of POSTing JSON-RPC messages: a bad POST gets the same status
 * and JSON-RPC code on Streamable HTTP's {@code /mcp} as on legacy HTTP+SSE's {@code /messages}.
 */
class PostAdmissionIT {
  private static final String JSON = "application/json";
  private static TestServer server;
  private static RawClient client;
  private static String session;
  private static RawClient.SseReader legacyStream;
  private static String messages;

  @BeforeAll
  static void start() {
    server =
        new TestServer(
            McpHttpEndpoint.builder()
                .backend(new EchoBackend())
                .limits(
                    new TransportLimits(
                        64 * 1024, Duration.ofSeconds(10), 1, Duration.ofSeconds(15), 64))
                .build());
    client = new RawClient(server.baseUri());
    session = client.initialize("2025-06-18");
    legacyStream = client.openStream("GET", "/sse", Map.of("Accept", "text/event-stream"), null);
    messages = legacyStream.next().get("data");
    assertThat(messages).startsWith("/messages?sessionId=");
  }

  @AfterAll
  static void stop() {
    legacyStream.close();
    server.close();
  }

  record Case(String name, Map<String, String> headers, String body, int status, int code) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Arguments> badPosts() {
    return Stream.of(
        c("Origin not allowed", Map.of("Origin", "https://evil.example"), ping(), 403, -32600),
        c("Content-Type text/plain", Map.of("Content-Type", "text/plain"), ping(), 415, -32600),
        c("body over the limit", Map.of(), " ".repeat(70_000) + ping(), 413, -32600),
        c("not JSON", Map.of(), "{\"jsonrpc\":", 400, -32700),
        c("trailing garbage", Map.of(), ping() + "x", 400, -32700),
        c("JSON but not JSON-RPC", Map.of(), "{\"foo\":1}", 400, -32600),
        c("a request without a method", Map.of(), "{\"jsonrpc\":\"2.0\",\"id\":1}", 400, -32600),
        c(
            "nested 5,000 deep",
            Map.of(),
            "{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000),
            400,
            -32700));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badPosts")
  void streamableHttpAndLegacySseAnswerABadPostAlike(Case c) {
    HttpResponse<String> streamable = send("/mcp", Map.of("Mcp-Session-Id", session), c);
    HttpResponse<String> legacy = send(messages, Map.of(), c);

    assertThat(streamable.statusCode()).as("/mcp: %s", streamable.body()).isEqualTo(c.status());
    assertThat(code(streamable)).as("/mcp: %s", streamable.body()).isEqualTo(c.code());
    assertThat(legacy.statusCode()).as("/messages: %s", legacy.body()).isEqualTo(c.status());
    assertThat(code(legacy)).as("/messages: %s", legacy.body()).isEqualTo(c.code());
  }

  @Test
  void aGoodPostIsAnsweredOnEachTransportsOwnWay() {
    Case ping = new Case("ping", Map.of(), ping(), 0, 0);
    assertThat(send("/mcp", Map.of("Mcp-Session-Id", session), ping).statusCode()).isEqualTo(200);
    assertThat(send(messages, Map.of(), ping).statusCode()).isEqualTo(202);
    assertThat(legacyStream.nextJson().getJsonObject("result")).isNotNull();
  }

  @Test
  void aBackendThatOverflowsItsStackFailsItsRequestAndReturnsItsPermit() {
    // maxConcurrentRequests is 1: a permit kept by the failed call would refuse the next with 429
    Case overflow = new Case("overflow", Map.of(), RawClient.call(8, "overflow"), 0, 0);
    Case echo = new Case("echo", Map.of(), RawClient.call(9, "echo"), 0, 0);

    HttpResponse<String> failed = send("/mcp", Map.of("Mcp-Session-Id", session), overflow);
    HttpResponse<String> next = send("/mcp", Map.of("Mcp-Session-Id", session), echo);

    assertThat(failed.statusCode()).as(failed.body()).isEqualTo(200);
    assertThat(code(failed)).isEqualTo(-32603);
    assertThat(failed.body()).contains("the gateway log has the cause").doesNotContain("Stack");
    assertThat(next.statusCode()).as(next.body()).isEqualTo(200);
    assertThat(next.body()).contains("\"result\"");
  }

  private static HttpResponse<String> send(String path, Map<String, String> session, Case c) {
    var headers = new HashMap<String, String>();
    headers.put("Content-Type", JSON);
    headers.put("Accept", RawClient.ACCEPT_BOTH);
    headers.putAll(session);
    headers.putAll(c.headers());
    return client.send("POST", path, headers, c.body());
  }

  private static int code(HttpResponse<String> res) {
    JsonObject body = Json.parse(res.body()).asJsonObject();
    return body.getJsonObject("error").getInt("code");
  }

  private static String ping() {
    return "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"ping\"}";
  }

  private static Arguments c(
      String name, Map<String, String> headers, String body, int status, int code) {
    return Arguments.of(new Case(name, headers, body, status, code));
  }
}
