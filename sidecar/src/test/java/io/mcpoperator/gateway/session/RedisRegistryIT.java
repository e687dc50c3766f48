package io.mcpoperator.gateway.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.lettuce.core.RedisURI;
import io.mcpoperator.mcp.jsonrpc.Json;
import io.mcpoperator.mcp.session.ResourceSubscriptions;
import io.mcpoperator.mcp.session.SessionRecord;
import io.mcpoperator.mcp.session.SessionStore;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The live-session registry, notices and resource subscriptions shared through a real Redis ({@code
 * MCP_TEST_REDIS_URL}): two stores on one prefix act as two replicas.
 */
@org.junit.jupiter.api.Timeout(120)
class RedisRegistryIT {
  private String prefix;

  @BeforeEach
  void redisRequired() {
    String url = System.getenv("MCP_TEST_REDIS_URL");
    assumeTrue(
        url != null && !url.isBlank(),
        "MCP_TEST_REDIS_URL is not set (e.g. redis://127.0.0.1:6379): skipping Redis tests");
    prefix = "test-" + UUID.randomUUID() + ":";
  }

  private RedisSessionStore store(Duration idle) {
    return new RedisSessionStore(
        RedisURI.create(System.getenv("MCP_TEST_REDIS_URL")),
        prefix,
        idle,
        100,
        Duration.ofSeconds(2));
  }

  private static SessionRecord record(String id) {
    return new SessionRecord(
        id, "2025-11-25", Json.object().build(), Json.object().build(), Optional.empty(), false);
  }

  /** Records what a replica's listener hears. */
  private static List<String> listen(SessionStore store) {
    List<String> heard = new CopyOnWriteArrayList<>();
    store
        .subscriptions()
        .listen(
            new ResourceSubscriptions.Listener() {
              @Override
              public void followed(String uri) {
                heard.add("+" + uri);
              }

              @Override
              public void abandoned(String uri) {
                heard.add("-" + uri);
              }
            });
    return heard;
  }

  @Test
  void everyReplicaSeesEveryLiveSessionUntilItIsDeleted() {
    try (var a = store(Duration.ofMinutes(5));
        var b = store(Duration.ofMinutes(5))) {
      a.create(record("s1"));
      b.create(record("s2").withLogLevel("error"));
      assertThat(b.live()).extracting(SessionRecord::id).containsExactlyInAnyOrder("s1", "s2");
      assertThat(a.live())
          .filteredOn(r -> r.id().equals("s2"))
          .extracting(SessionRecord::logLevel)
          .containsExactly(Optional.of("error"));
      assertThat(b.delete("s1")).isTrue();
      assertThat(a.live()).extracting(SessionRecord::id).containsExactly("s2");
    }
  }

  @Test
  void anExpiredSessionLeavesTheRegistryAndItsSubscriptionsEnd() {
    try (var a = store(Duration.ofSeconds(1));
        var b = store(Duration.ofSeconds(1))) {
      List<String> heardByB = listen(b);
      a.create(record("idle"));
      assertThat(a.subscriptions().subscribe("file://x", "idle")).isTrue();
      await().untilAsserted(() -> assertThat(heardByB).containsExactly("+file://x"));
      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(
              () -> {
                assertThat(b.live()).isEmpty();
                assertThat(b.subscriptions().uris()).isEmpty();
                assertThat(heardByB).containsExactly("+file://x", "-file://x");
              });
      assertThat(a.subscriptions().subscribe("file://x", "idle"))
          .as("a gone session cannot subscribe")
          .isFalse();
      assertThat(a.subscriptions().subscribers("file://x")).isEmpty();
    }
  }

  @Test
  void aSessionInUseStaysInTheRegistry() throws InterruptedException {
    try (var a = store(Duration.ofSeconds(2));
        var b = store(Duration.ofSeconds(2))) {
      a.create(record("busy"));
      for (int i = 0; i < 8; i++) {
        Thread.sleep(500);
        assertThat(b.find("busy")).as("request %d", i).isPresent();
      }
      assertThat(a.live()).extracting(SessionRecord::id).containsExactly("busy");
    }
  }

  @Test
  void concurrentReplicasTellEachSessionAVersionExactlyOnce() {
    try (var a = store(Duration.ofMinutes(5));
        var b = store(Duration.ofMinutes(5))) {
      List<String> ids = IntStream.range(0, 700).mapToObj(i -> "s" + i).toList();
      ids.forEach(id -> a.create(record(id)));
      var byA = CompletableFuture.supplyAsync(() -> a.firstNotice("upstream/tools", "v1", ids));
      var byB = CompletableFuture.supplyAsync(() -> b.firstNotice("upstream/tools", "v1", ids));
      Set<String> union = new HashSet<>(byA.join());
      union.addAll(byB.join());
      assertThat(union).hasSize(ids.size());
      assertThat(byA.join().size() + byB.join().size()).as("no session twice").isEqualTo(700);
      assertThat(a.firstNotice("upstream/tools", "v2", List.of("s1"))).containsExactly("s1");
      assertThat(b.firstNotice("upstream/prompts", "v1", List.of("s1"))).containsExactly("s1");
      a.delete("s1");
      assertThat(b.firstNotice("upstream/tools", "v2", List.of("s1")))
          .as("a deleted session's notices are gone with it")
          .containsExactly("s1");
    }
  }

  @Test
  void subscriptionsAreSharedAndEveryReplicaHearsTheFirstAndTheLast() {
    try (var a = store(Duration.ofMinutes(5));
        var b = store(Duration.ofMinutes(5))) {
      List<String> heardByA = listen(a);
      List<String> heardByB = listen(b);
      a.create(record("s1"));
      a.create(record("s2"));
      assertThat(a.subscriptions().subscribe("r 1", "s1")).isTrue();
      assertThat(b.subscriptions().subscribe("r 1", "s2")).isFalse();
      assertThat(b.subscriptions().subscribe("r2", "s2")).isTrue();
      assertThat(a.subscriptions().subscribers("r 1")).containsExactlyInAnyOrder("s1", "s2");
      assertThat(b.subscriptions().uris()).containsExactlyInAnyOrder("r 1", "r2");

      assertThat(b.subscriptions().unsubscribe("r 1", "s1")).isFalse();
      assertThat(b.subscriptions().unsubscribe("r 1", "s1")).as("not subscribed").isFalse();
      b.delete("s2");
      await()
          .untilAsserted(
              () -> {
                for (var heard : List.of(heardByA, heardByB)) {
                  assertThat(heard).hasSize(4).startsWith("+r 1", "+r2").contains("-r 1", "-r2");
                }
              });
      assertThat(a.subscriptions().uris()).isEmpty();

      a.subscriptions().subscribe("r3", "s1");
      a.subscriptions().sessionEnded("s1");
      await().untilAsserted(() -> assertThat(heardByB).endsWith("+r3", "-r3"));
      assertThat(b.subscriptions().subscribers("r3")).isEmpty();
    }
  }
}
