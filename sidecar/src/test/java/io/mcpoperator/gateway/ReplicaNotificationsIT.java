package io.mcpoperator.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.mcpoperator.gateway.config.ConfigLoader;
import io.mcpoperator.gateway.config.GatewayConfig;
import io.mcpoperator.gateway.testing.ResourceUpstream;
import io.mcpoperator.mcp.jsonrpc.Json;
import io.mcpoperator.mcp.testing.RawClient;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Server-initiated notifications with two gateway replicas sharing a real Redis ({@code
 * MCP_TEST_REDIS_URL}), each with its own stdio upstream ({@link ResourceUpstream}): a reload both
 * replicas apply reaches every session once, sessions outlive the replica that initialized them,
 * and resource subscriptions hold across replicas, upstream crashes and upstream switches.
 */
@org.junit.jupiter.api.Timeout(180)
class ReplicaNotificationsIT {
  private static final String END = "end-of-test-events";
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

  private GatewayConfig config(String upstreamName, JsonArray prompts) {
    var cmd = Json.array();
    ResourceUpstream.command(upstreamName).forEach(cmd::add);
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
                .add("prompts", prompts)
                .build()));
  }

  private GatewayConfig config(String upstreamName) {
    return config(upstreamName, Json.array().build());
  }

  private static Gateway replica(GatewayConfig config) {
    Gateway gateway = Gateway.start(config, "127.0.0.1");
    await().atMost(Duration.ofSeconds(30)).until(gateway::ready);
    return gateway;
  }

  private static RawClient client(Gateway gateway) {
    return new RawClient("http://127.0.0.1:" + gateway.port());
  }

  private static Map<String, String> streamHeaders(String session) {
    return Map.of("Accept", "text/event-stream", "Mcp-Session-Id", session);
  }

  /** Both replicas apply {@code next} at the same time, as pods watching one ConfigMap do. */
  private static void reloadBoth(Gateway a, Gateway b, GatewayConfig next) {
    CompletableFuture.allOf(
            CompletableFuture.runAsync(() -> a.reload(next)),
            CompletableFuture.runAsync(() -> b.reload(next)))
        .join();
  }

  /** The methods of the events on {@code stream} up to a marker sent after everything else. */
  private static List<String> methodsUntilMarker(
      Gateway via, String session, RawClient.SseReader stream) {
    via.clients().notify(session, "notifications/message", Json.object().add("data", END).build());
    var methods = new ArrayList<String>();
    while (true) {
      JsonObject event = stream.nextJson();
      if (event.toString().contains(END)) {
        return methods;
      }
      methods.add(event.getString("method"));
    }
  }

  private static String text(RawClient client, String session, String tool, String uri) {
    String body =
        "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/call\",\"params\":{\"name\":\""
            + tool
            + "\",\"arguments\":{\"uri\":\""
            + uri
            + "\"}}}";
    var res = client.post(Map.of("Mcp-Session-Id", session), body);
    JsonObject result = Json.parse(res.body()).asJsonObject().getJsonObject("result");
    return result == null
        ? res.body()
        : result.getJsonArray("content").getJsonObject(0).getString("text");
  }

  private static int request(RawClient client, String session, String method, String uri) {
    var res =
        client.post(
            Map.of("Mcp-Session-Id", session),
            "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\""
                + method
                + "\",\"params\":{\"uri\":\""
                + uri
                + "\"}}");
    assertThat(Json.parse(res.body()).asJsonObject().containsKey("result"))
        .as(method + ": " + res.body())
        .isTrue();
    return res.statusCode();
  }

  private static void awaitUpstreamFollows(RawClient via, String session, String expected) {
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> assertThat(text(via, session, "subscriptions", "")).isEqualTo(expected));
  }

  @Test
  void aReloadIsAnnouncedOncePerReplicaToASessionWhoseStreamIsOnTheOther() {
    try (Gateway a = replica(config("one"));
        Gateway b = replica(config("one"))) {
      String session = client(a).initialize("2025-11-25");
      try (var stream = client(b).openStream("GET", "/mcp", streamHeaders(session), null)) {
        assertThat(stream.response.statusCode()).isEqualTo(200);

        reloadBoth(a, b, config("two"));
        assertThat(methodsUntilMarker(a, session, stream))
            .as("a new upstream: every list may have changed, said by each replica as it switched")
            .containsExactlyInAnyOrder(
                "notifications/tools/list_changed",
                "notifications/prompts/list_changed",
                "notifications/resources/list_changed",
                "notifications/tools/list_changed",
                "notifications/prompts/list_changed",
                "notifications/resources/list_changed");

        // the same configuration applied again (a repeated file event): nobody is told twice
        reloadBoth(a, b, config("two"));
        assertThat(methodsUntilMarker(a, session, stream)).isEmpty();

        var prompts =
            Json.array()
                .add(
                    Json.object()
                        .add("name", "greet")
                        .add("description", "Says hello.")
                        .add(
                            "source",
                            Json.object()
                                .add("kind", "MCPPrompt")
                                .add("namespace", "test")
                                .add("name", "greet"))
                        .add("template", "Hello!")
                        .add("arguments", Json.array()))
                .build();
        reloadBoth(a, b, config("two", prompts));
        assertThat(methodsUntilMarker(b, session, stream))
            .as("only the aggregated prompts changed")
            .containsExactly(
                "notifications/prompts/list_changed", "notifications/prompts/list_changed");
      }
      assertThat(client(b).post(Map.of("Mcp-Session-Id", session), promptsList()).body())
          .contains("\"greet\"");
    }
  }

  private static String promptsList() {
    return "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"prompts/list\",\"params\":{}}";
  }

  @Test
  void aSessionOfAClosedReplicaStillHearsListChangesFromTheOther() {
    Gateway a = replica(config("one"));
    try (Gateway b = replica(config("one"))) {
      String session = client(a).initialize("2025-11-25");
      a.close();
      try (var stream = client(b).openStream("GET", "/mcp", streamHeaders(session), null)) {
        b.reload(config("two"));
        assertThat(methodsUntilMarker(b, session, stream))
            .containsExactlyInAnyOrder(
                "notifications/tools/list_changed",
                "notifications/prompts/list_changed",
                "notifications/resources/list_changed");

        String other = client(b).initialize("2025-11-25");
        assertThat(text(client(b), other, "listChanged", "")).isEqualTo("sent");
        assertThat(stream.nextJson().getString("method"))
            .as("B's upstream changed its tools: every live session hears it")
            .isEqualTo("notifications/tools/list_changed");
      }
    }
  }

  @Test
  void aResourceChangeSeenByTheOtherReplicasUpstreamReachesTheSubscriber() {
    try (Gateway a = replica(config("one"));
        Gateway b = replica(config("one"))) {
      RawClient onA = client(a);
      RawClient onB = client(b);
      String session = onA.initialize("2025-11-25");
      String observer = onB.initialize("2025-11-25");
      try (var stream = onA.openStream("GET", "/mcp", streamHeaders(session), null)) {
        request(onA, session, "resources/subscribe", "test://a");
        awaitUpstreamFollows(onB, observer, "test://a");

        assertThat(text(onB, observer, "change", "test://a")).isEqualTo("subscribed");
        JsonObject updated = stream.nextJson();
        assertThat(updated.getString("method")).isEqualTo("notifications/resources/updated");
        assertThat(updated.getJsonObject("params").getString("uri")).isEqualTo("test://a");

        request(onA, session, "resources/unsubscribe", "test://a");
        awaitUpstreamFollows(onB, observer, "");
        assertThat(text(onA, session, "subscriptions", ""))
            .as("the last subscriber left: both upstreams unsubscribed")
            .isEmpty();
        assertThat(text(onB, observer, "change", "test://a")).isEqualTo("not subscribed");
      }
    }
  }

  @Test
  void subscriptionsOutliveAnUpstreamCrashAndAnUpstreamSwitch() {
    try (Gateway a = replica(config("one"));
        Gateway b = replica(config("one"))) {
      RawClient onA = client(a);
      RawClient onB = client(b);
      String session = onA.initialize("2025-11-25");
      String observer = onB.initialize("2025-11-25");
      try (var stream = onA.openStream("GET", "/mcp", streamHeaders(session), null)) {
        request(onA, session, "resources/subscribe", "test://b");
        awaitUpstreamFollows(onB, observer, "test://b");

        onB.post(Map.of("Mcp-Session-Id", observer), RawClient.call(9, "crash"));
        awaitUpstreamFollows(onB, observer, "test://b");
        assertThat(text(onB, observer, "change", "test://b")).isEqualTo("subscribed");
        assertThat(stream.nextJson().getJsonObject("params").getString("uri"))
            .as("the restarted upstream was subscribed again")
            .isEqualTo("test://b");

        reloadBoth(a, b, config("two"));
        assertThat(methodsUntilMarker(a, session, stream))
            .as("three lists, told by each replica")
            .hasSize(6);
        awaitUpstreamFollows(onB, observer, "test://b");
        awaitUpstreamFollows(onA, session, "test://b");
        assertThat(text(onB, observer, "change", "test://b")).isEqualTo("subscribed");
        assertThat(stream.nextJson().getString("method"))
            .as("the switched-to upstream was subscribed: no need to subscribe again")
            .isEqualTo("notifications/resources/updated");

        assertThat(onA.send("DELETE", "/mcp", Map.of("Mcp-Session-Id", session), null).statusCode())
            .isEqualTo(200);
        awaitUpstreamFollows(onB, observer, "");
      }
    }
  }
}
