package io.mcpoperator.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mcpoperator.mcp.jsonrpc.Json;
import io.mcpoperator.mcp.testing.EchoBackend;
import io.mcpoperator.mcp.testing.RawClient;
import io.mcpoperator.mcp.testing.TestServer;
import io.mcpoperator.mcp.transport.McpHttpEndpoint;
import io.mcpoperator.mcp.transport.TransportLimits;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Limits, cancellation, resumption and the legacy transport, over plain HTTP. */
@org.junit.jupiter.api.Timeout(180)
class StreamableHttpBehaviourIT {
  private final EchoBackend backend = new EchoBackend();
  private TestServer server;
  private RawClient client;

  private void start(TransportLimits limits) {
    server = new TestServer(McpHttpEndpoint.builder().backend(backend).limits(limits).build());
    client = new RawClient(server.baseUri());
  }

  @AfterEach
  void stop() {
    backend.release.countDown();
    server.close();
  }

  @Test
  void requestsBeyondTheConcurrencyLimitGet429WithRetryAfter() {
    start(new TransportLimits(1 << 20, Duration.ofSeconds(20), 1, Duration.ofSeconds(15), 64));
    String session = client.initialize("2025-11-25");
    var blocked =
        CompletableFuture.supplyAsync(
            () -> client.post(Map.of("Mcp-Session-Id", session), RawClient.call(10, "block")));
    await()
        .until(
            () -> {
              var res = client.post(Map.of("Mcp-Session-Id", session), RawClient.call(11, "echo"));
              if (res.statusCode() == 429) {
                assertThat(res.headers().firstValue("Retry-After")).contains("1");
                return true;
              }
              return false;
            });
    backend.release.countDown();
    assertThat(blocked.join().body()).contains("released");
    assertThat(
            client.post(Map.of("Mcp-Session-Id", session), RawClient.call(12, "echo")).statusCode())
        .isEqualTo(200);
  }

  @Test
  void aRequestOverTheTimeoutIsCancelledAndAnsweredWithAnError() {
    start(new TransportLimits(1 << 20, Duration.ofMillis(300), 10, Duration.ofSeconds(15), 64));
    String session = client.initialize("2025-11-25");
    var res = client.post(Map.of("Mcp-Session-Id", session), RawClient.call(10, "block"));
    assertThat(res.statusCode()).isEqualTo(200);
    var error = Json.parse(res.body()).asJsonObject().getJsonObject("error");
    assertThat(error.getInt("code")).isEqualTo(-32001);
    assertThat(error.getString("message")).contains("timed out");
    assertThat(backend.sawCancel).isTrue();
  }

  @Test
  void clientCancellationEndsTheRequest() {
    start(TransportLimits.defaults());
    String session = client.initialize("2025-06-18");
    var blocked =
        CompletableFuture.supplyAsync(
            () -> client.post(Map.of("Mcp-Session-Id", session), RawClient.call(10, "block")));
    await()
        .untilAsserted(
            () -> {
              var cancel =
                  client.post(
                      Map.of("Mcp-Session-Id", session),
                      "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":{\"requestId\":10,\"reason\":\"user\"}}");
              assertThat(cancel.statusCode()).isEqualTo(202);
              assertThat(backend.sawCancel).isTrue();
            });
    assertThat(blocked.join().body()).contains("-32800").contains("user");
  }

  @Test
  void theStandaloneStreamResumesWithLastEventIdWithoutLossOrRepeats() {
    start(TransportLimits.defaults());
    String session = client.initialize("2025-11-25");
    var headers = Map.of("Accept", "text/event-stream", "Mcp-Session-Id", session);
    String lastId;
    try (var stream = client.openStream("GET", "/mcp", headers, null)) {
      assertThat(stream.response.statusCode()).isEqualTo(200);
      await()
          .until(
              () ->
                  backend.clients.notify(
                      session, "notifications/message", Json.object().add("n", 1).build()));
      var first = stream.next();
      assertThat(first.get("data")).contains("\"n\":1");
      lastId = first.get("id");
    }
    backend.clients.notify(session, "notifications/message", Json.object().add("n", 2).build());
    backend.clients.notifyAll(
        "notifications/tools/list_changed", JsonValue.EMPTY_JSON_OBJECT, s -> true);
    var resume = new java.util.HashMap<>(headers);
    resume.put("Last-Event-ID", lastId);
    try (var stream = client.openStream("GET", "/mcp", resume, null)) {
      var events = stream.next(2);
      assertThat(events.get(0).get("data")).contains("\"n\":2");
      assertThat(events.get(1).get("data")).contains("tools/list_changed");
    }
  }

  @Test
  void aPostStreamCutMidwayResumesOnGet() {
    start(TransportLimits.defaults());
    String session = client.initialize("2025-11-25");
    String progressCall =
        "{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"tools/call\",\"params\":{\"name\":\"progress\",\"_meta\":{\"progressToken\":\"t\"}}}";
    var post =
        client.openStream(
            "POST",
            "/mcp",
            Map.of(
                "Content-Type",
                "application/json",
                "Accept",
                RawClient.ACCEPT_BOTH,
                "Mcp-Session-Id",
                session),
            progressCall);
    assertThat(post.response.headers().firstValue("Content-Type")).contains("text/event-stream");
    var first = post.next();
    assertThat(first.get("data")).contains("notifications/progress");
    post.close();
    try (var stream =
        client.openStream(
            "GET",
            "/mcp",
            Map.of(
                "Accept",
                "text/event-stream",
                "Mcp-Session-Id",
                session,
                "Last-Event-ID",
                first.get("id")),
            null)) {
      var events = stream.next(2);
      assertThat(events.get(0).get("data")).contains("\"progress\":2");
      assertThat(events.get(1).get("data")).contains("\"id\":9").contains("done");
    }
  }

  @Test
  void deleteEndsTheSessionAndItsStream() {
    start(TransportLimits.defaults());
    String session = client.initialize("2025-06-18");
    var stream =
        client.openStream(
            "GET", "/mcp", Map.of("Accept", "text/event-stream", "Mcp-Session-Id", session), null);
    assertThat(client.send("DELETE", "/mcp", Map.of("Mcp-Session-Id", session), null).statusCode())
        .isEqualTo(200);
    assertThat(stream.next()).isEmpty();
    assertThat(
            client.post(Map.of("Mcp-Session-Id", session), RawClient.call(1, "echo")).statusCode())
        .isEqualTo(404);
    assertThat(backend.clients.notify(session, "x", JsonValue.EMPTY_JSON_OBJECT)).isFalse();
  }

  @Test
  void legacySseTransportServesOldClients() {
    start(TransportLimits.defaults());
    try (var stream =
        client.openStream("GET", "/sse", Map.of("Accept", "text/event-stream"), null)) {
      var endpoint = stream.next();
      assertThat(endpoint.get("event")).isEqualTo("endpoint");
      String path = endpoint.get("data");
      assertThat(path).startsWith("/messages?sessionId=");
      var headers = Map.of("Content-Type", "application/json");
      assertThat(
              client
                  .send("POST", path, headers, RawClient.initializeBody("2024-11-05"))
                  .statusCode())
          .isEqualTo(202);
      assertThat(stream.nextJson().getJsonObject("result").getString("protocolVersion"))
          .isEqualTo("2024-11-05");
      client.send(
          "POST", path, headers, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
      client.send("POST", path, headers, RawClient.call(2, "echo"));
      assertThat(stream.nextJson().toString()).contains("\"id\":2");
      assertThat(client.send("POST", path, headers, "{bad").statusCode()).isEqualTo(400);
      client.send(
          "POST", path, headers, "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"initialize\"}");
      assertThat(stream.nextJson().toString()).contains("\"id\":3");
    }
  }
}
