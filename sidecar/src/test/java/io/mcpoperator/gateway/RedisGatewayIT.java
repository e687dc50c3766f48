package io.mcpoperator.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.mcpoperator.gateway.config.ConfigLoader;
import io.mcpoperator.gateway.config.GatewayConfig;
import io.mcpoperator.gateway.testing.FakeUpstream;
import io.mcpoperator.mcp.jsonrpc.Json;
import io.mcpoperator.mcp.testing.RawClient;
import jakarta.json.JsonObject;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two gateway replicas sharing a real Redis ({@code MCP_TEST_REDIS_URL}): sessions, streams and the
 * server-wide rate limit are shared.
 */
@org.junit.jupiter.api.Timeout(120)
class RedisGatewayIT {
  private URI redis;
  private String server;

  @BeforeEach
  void redisRequired() {
    String url = System.getenv("MCP_TEST_REDIS_URL");
    assumeTrue(
        url != null && !url.isBlank(),
        "MCP_TEST_REDIS_URL is not set (e.g. redis://127.0.0.1:6379): skipping Redis tests");
    redis = URI.create(url);
    server = "it-" + UUID.randomUUID();
  }

  private GatewayConfig config(JsonObject limits) {
    var cmd = Json.array();
    FakeUpstream.command().forEach(cmd::add);
    return ConfigLoader.parse(
        Json.write(
            Json.object()
                .add("server", Json.object().add("namespace", "test").add("name", server))
                .add("listen", Json.object().add("port", 0))
                .add("upstream", Json.object().add("transport", "stdio").add("command", cmd))
                .add(
                    "redis",
                    Json.object()
                        .add("host", redis.getHost())
                        .add("port", redis.getPort() < 0 ? 6379 : redis.getPort()))
                .add("limits", limits)
                .build()));
  }

  private Gateway replica(JsonObject limits) {
    Gateway gateway = Gateway.start(config(limits), "127.0.0.1");
    await().atMost(Duration.ofSeconds(30)).until(gateway::ready);
    return gateway;
  }

  @Test
  void aReplicaShuttingDownEndsItsStreamsAndAnotherContinuesTheSession() {
    Gateway a = replica(JsonObject.EMPTY_JSON_OBJECT);
    try (Gateway b = replica(JsonObject.EMPTY_JSON_OBJECT)) {
      var onA = new RawClient("http://127.0.0.1:" + a.port());
      var onB = new RawClient("http://127.0.0.1:" + b.port());
      String session = onA.initialize("2025-11-25");
      var headers = new HashMap<>(Map.of("Accept", "text/event-stream", "Mcp-Session-Id", session));
      String lastId;
      try (var stream = onA.openStream("GET", "/mcp", headers, null)) {
        a.clients().notify(session, "notifications/message", Json.object().add("n", 1).build());
        var first = stream.next();
        assertThat(first.get("data")).contains("\"n\":1");
        lastId = first.get("id");
        a.close();
        assertThat(stream.next()).as("A's stream ended").isEmpty();
      }
      assertThat(onB.post(Map.of("Mcp-Session-Id", session), RawClient.call(2, "echo")).body())
          .as("the session outlived replica A")
          .contains("\"text\":\"t\"");
      b.clients().notify(session, "notifications/message", Json.object().add("n", 2).build());
      headers.put("Last-Event-ID", lastId);
      try (var stream = onB.openStream("GET", "/mcp", headers, null)) {
        assertThat(stream.next().get("data")).as("missed while disconnected").contains("\"n\":2");
        b.clients().notify(session, "notifications/message", Json.object().add("n", 3).build());
        assertThat(stream.next().get("data")).as("live on B").contains("\"n\":3");
      }
    }
  }

  @Test
  void theRateLimitOfASessionIsSharedByTheReplicas() {
    var limits =
        Json.object()
            .add("rateLimit", Json.object().add("requestsPerMinute", 1).add("burst", 2))
            .build();
    try (Gateway a = replica(limits);
        Gateway b = replica(limits)) {
      var onA = new RawClient("http://127.0.0.1:" + a.port());
      var onB = new RawClient("http://127.0.0.1:" + b.port());
      String session = onA.initialize("2025-11-25");
      var header = Map.of("Mcp-Session-Id", session);
      assertThat(onA.post(header, RawClient.call(2, "echo")).statusCode()).isEqualTo(200);
      assertThat(onB.post(header, RawClient.call(3, "echo")).statusCode()).isEqualTo(200);
      var refused = onA.post(header, RawClient.call(4, "echo"));
      assertThat(refused.statusCode()).as(refused.body()).isEqualTo(429);
      assertThat(refused.body()).contains("1 requests per minute, burst 2", "client session");
      assertThat(onB.post(header, RawClient.call(5, "echo")).statusCode()).isEqualTo(429);
    }
  }
}
