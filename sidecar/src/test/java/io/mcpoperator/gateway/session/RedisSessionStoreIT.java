package io.mcpoperator.gateway.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.lettuce.core.RedisURI;
import io.mcpoperator.gateway.aggregate.limits.RedisLink;
import io.mcpoperator.mcp.jsonrpc.Json;
import io.mcpoperator.mcp.session.EventListener;
import io.mcpoperator.mcp.session.SessionRecord;
import io.mcpoperator.mcp.session.StoredEvent;
import io.mcpoperator.mcp.testing.EchoBackend;
import io.mcpoperator.mcp.testing.RawClient;
import io.mcpoperator.mcp.testing.TestServer;
import io.mcpoperator.mcp.transport.McpHttpEndpoint;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Sessions shared through a real Redis ({@code MCP_TEST_REDIS_URL}, e.g. redis://127.0.0.1:6379):
 * two endpoints act as two gateway replicas.
 */
@org.junit.jupiter.api.Timeout(120)
class RedisSessionStoreIT {
  private String prefix;

  @BeforeEach
  void redisRequired() {
    String url = System.getenv("MCP_TEST_REDIS_URL");
    assumeTrue(
        url != null && !url.isBlank(),
        "MCP_TEST_REDIS_URL is not set (e.g. redis://127.0.0.1:6379): skipping Redis tests");
    prefix = "test-" + UUID.randomUUID() + ":";
  }

  private RedisSessionStore store() {
    return new RedisSessionStore(
        RedisURI.create(System.getenv("MCP_TEST_REDIS_URL")),
        prefix,
        Duration.ofMinutes(5),
        100,
        Duration.ofSeconds(2));
  }

  private static SessionRecord record(String id) {
    return new SessionRecord(
        id,
        "2025-11-25",
        Json.object().add("name", "c").build(),
        Json.object().build(),
        Optional.empty(),
        false);
  }

  @Test
  void theSessionStoreAndTheAggregationsLinkShareOneSetOfLettuceThreads() {
    try (var a = store();
        var b = store();
        var link = new RedisLink(RedisURI.create(System.getenv("MCP_TEST_REDIS_URL")), prefix)) {
      a.create(record("shared-1"));
      assertThat(link.run("get", c -> c.set(link.key("probe"), "1"))).contains("OK");
      assertThat(b.find("shared-1")).isPresent();
      // lettuce names its event-loop threads lettuce-<kind>-<pool>-<n>: one pool id per resources
      var pools =
          Thread.getAllStackTraces().keySet().stream()
              .map(Thread::getName)
              .filter(
                  n ->
                      n.startsWith("lettuce-nioEventLoop-")
                          || n.startsWith("lettuce-epollEventLoop-"))
              .map(n -> n.substring(0, n.lastIndexOf('-')))
              .distinct()
              .toList();
      assertThat(pools).as("event-loop pools of this process").hasSize(1);
    }
  }

  @Test
  void storesReplaysAndDeliversAcrossStores() {
    try (var a = store();
        var b = store()) {
      a.create(record("s1"));
      assertThat(b.find("s1")).contains(record("s1"));
      b.update(record("s1").withLogLevel("error"));
      assertThat(a.find("s1").orElseThrow().logLevel()).isEmpty().as("a's cache still serves");
      List<StoredEvent> live = new ArrayList<>();
      List<String> ended = new ArrayList<>();
      b.onSessionEnd(ended::add);
      b.subscribe(
          "s1",
          "g",
          new EventListener() {
            @Override
            public void onEvent(StoredEvent event) {
              live.add(event);
            }

            @Override
            public void onClosed() {}
          });
      var first = a.append("s1", "g", "one", false);
      a.append("s1", "p1", "other", false);
      a.append("s1", "g", "two", false);
      await()
          .untilAsserted(
              () -> assertThat(live).extracting(StoredEvent::data).containsExactly("one", "two"));
      assertThat(b.replay("s1", first.id())).extracting(StoredEvent::data).containsExactly("two");
      assertThat(b.replay("s1", "g.0")).extracting(StoredEvent::data).containsExactly("one", "two");
      assertThat(a.reachable()).isTrue();
      assertThat(a.delete("s1")).isTrue();
      await().untilAsserted(() -> assertThat(ended).containsExactly("s1"));
      assertThat(b.find("s1")).isEmpty();
    }
  }

  @Test
  void aSessionMovesBetweenReplicasAndItsStreamResumesOnTheOther() {
    var backendA = new EchoBackend();
    var backendB = new EchoBackend();
    try (var a =
            new TestServer(
                McpHttpEndpoint.builder().backend(backendA).sessionStore(store()).build());
        var b =
            new TestServer(
                McpHttpEndpoint.builder().backend(backendB).sessionStore(store()).build())) {
      var onA = new RawClient(a.baseUri());
      var onB = new RawClient(b.baseUri());
      String session = onA.initialize("2025-11-25");
      assertThat(onB.post(Map.of("Mcp-Session-Id", session), RawClient.call(2, "echo")).body())
          .contains("\"text\":\"t\"");
      var headers = new HashMap<>(Map.of("Accept", "text/event-stream", "Mcp-Session-Id", session));
      String lastId;
      try (var stream = onB.openStream("GET", "/mcp", headers, null)) {
        await()
            .until(
                () ->
                    backendA.clients.notify(
                        session, "notifications/message", Json.object().add("n", 1).build()));
        var event = stream.next();
        assertThat(event.get("data")).contains("\"n\":1");
        lastId = event.get("id");
      }
      backendA.clients.notify(session, "notifications/message", Json.object().add("n", 2).build());
      backendB.clients.notify(session, "notifications/message", Json.object().add("n", 3).build());
      headers.put("Last-Event-ID", lastId);
      try (var stream = onA.openStream("GET", "/mcp", headers, null)) {
        var events = stream.next(2);
        assertThat(events).extracting(e -> e.get("data")).allMatch(d -> !d.contains("\"n\":1"));
        assertThat(events.get(0).get("data")).contains("\"n\":2");
        assertThat(events.get(1).get("data")).contains("\"n\":3");
      }
      assertThat(onB.send("DELETE", "/mcp", Map.of("Mcp-Session-Id", session), null).statusCode())
          .isEqualTo(200);
      await()
          .untilAsserted(
              () ->
                  assertThat(
                          onA.post(Map.of("Mcp-Session-Id", session), RawClient.call(3, "echo"))
                              .statusCode())
                      .isEqualTo(404));
    }
  }
}
