package io.mcpoperator.mcp.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcpoperator.mcp.jsonrpc.Json;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The live-session registry, notices and subscriptions of the in-memory store. */
class InMemoryRegistryTest {
  private final TickingClock clock = new TickingClock();
  private final InMemorySessionStore store =
      new InMemorySessionStore(Duration.ofMinutes(10), 10, clock);
  private final List<String> heard = new ArrayList<>();

  private static SessionRecord record(String id) {
    return new SessionRecord(
        id, "2025-11-25", Json.object().build(), Json.object().build(), Optional.empty(), false);
  }

  private void listen() {
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
  }

  @Test
  void liveListsSessionsUntilTheyAreDeletedOrIdle() {
    store.create(record("a"));
    store.create(record("b"));
    assertThat(store.live()).extracting(SessionRecord::id).containsExactlyInAnyOrder("a", "b");
    store.delete("a");
    clock.advance(Duration.ofMinutes(11));
    assertThat(store.live()).as("b idled out").isEmpty();
  }

  @Test
  void aSessionIsToldEachVersionOfATopicOnce() {
    store.create(record("a"));
    store.create(record("b"));
    assertThat(store.firstNotice("upstream/tools", "v1", List.of("a", "b", "gone")))
        .containsExactlyInAnyOrder("a", "b");
    assertThat(store.firstNotice("upstream/tools", "v1", List.of("a", "b"))).isEmpty();
    assertThat(store.firstNotice("upstream/prompts", "v1", List.of("a"))).containsExactly("a");
    assertThat(store.firstNotice("upstream/tools", "v2", List.of("b"))).containsExactly("b");
    assertThat(store.firstNotice("upstream/tools", "v1", List.of("b")))
        .as("back to v1 is a change again")
        .containsExactly("b");
  }

  @Test
  void subscriptionsEndWithTheirSessionAndListenersHearFirstAndLast() {
    listen();
    store.create(record("a"));
    store.create(record("b"));
    var subs = store.subscriptions();
    assertThat(subs.subscribe("r1", "a")).isTrue();
    assertThat(subs.subscribe("r1", "b")).isFalse();
    assertThat(subs.subscribe("r2", "a")).isTrue();
    assertThat(subs.subscribers("r1")).containsExactlyInAnyOrder("a", "b");
    assertThat(subs.uris()).containsExactlyInAnyOrder("r1", "r2");

    assertThat(subs.unsubscribe("r1", "a")).as("b still follows r1").isFalse();
    assertThat(subs.unsubscribe("r1", "nobody")).isFalse();
    store.delete("a");
    assertThat(subs.uris()).containsExactly("r1");
    clock.advance(Duration.ofMinutes(11));
    store.evictIdle();
    assertThat(subs.uris()).isEmpty();
    assertThat(heard).containsExactly("+r1", "+r2", "-r2", "-r1");
  }

  @Test
  void unsubscribingTheLastSubscriberAbandonsTheResource() {
    listen();
    var subs = store.subscriptions();
    subs.subscribe("r", "a");
    assertThat(subs.unsubscribe("r", "a")).isTrue();
    assertThat(subs.unsubscribe("r", "a")).isFalse();
    subs.sessionEnded("a");
    assertThat(heard).containsExactly("+r", "-r");
  }

  @Test
  void aStoppedListenerHearsNothing() {
    var registration =
        store
            .subscriptions()
            .listen(
                new ResourceSubscriptions.Listener() {
                  @Override
                  public void followed(String uri) {
                    heard.add(uri);
                  }

                  @Override
                  public void abandoned(String uri) {
                    heard.add(uri);
                  }
                });
    registration.close();
    store.subscriptions().subscribe("r", "a");
    assertThat(heard).isEmpty();
  }

  private static final class TickingClock extends Clock {
    private Instant now = Instant.parse("2025-01-01T00:00:00Z");

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
