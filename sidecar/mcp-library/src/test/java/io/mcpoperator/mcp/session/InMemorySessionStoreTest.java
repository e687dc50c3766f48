package io.mcpoperator.mcp.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcpoperator.mcp.jsonrpc.Json;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InMemorySessionStoreTest {
  private final MutableClock clock = new MutableClock();
  private final InMemorySessionStore store =
      new InMemorySessionStore(Duration.ofMinutes(10), 3, clock);

  private static SessionRecord record(String id) {
    return new SessionRecord(
        id,
        "2025-06-18",
        Json.object().add("name", "c").build(),
        Json.object().build(),
        Optional.empty(),
        false);
  }

  @Test
  void idleSessionsExpireButActiveOnesStay() {
    List<String> ended = new ArrayList<>();
    store.onSessionEnd(ended::add);
    store.create(record("a"));
    store.create(record("b"));
    clock.advance(Duration.ofMinutes(6));
    assertThat(store.find("a")).isPresent();
    clock.advance(Duration.ofMinutes(6));
    assertThat(store.evictIdle()).isEqualTo(1);
    assertThat(store.find("b")).isEmpty();
    assertThat(store.find("a")).isPresent();
    assertThat(ended).containsExactly("b");
    assertThat(store.size()).isEqualTo(1);
  }

  @Test
  void aSessionWithAnOpenStreamDoesNotExpire() {
    store.create(record("a"));
    store.subscribe("a", "g", new Collecting());
    clock.advance(Duration.ofHours(1));
    assertThat(store.evictIdle()).isZero();
  }

  @Test
  void replayReturnsTheMissedEventsOfTheSameStreamWithinTheCap() {
    store.create(record("a"));
    var first = store.append("a", "g", "1", false);
    store.append("a", "p1", "x", false);
    store.append("a", "g", "2", false);
    store.append("a", "g", "3", false);
    assertThat(store.replay("a", first.id()))
        .extracting(StoredEvent::data)
        .containsExactly("2", "3");
    assertThat(store.replay("a", "g.0")).extracting(StoredEvent::data).containsExactly("2", "3");
    assertThat(store.replay("a", "nonsense")).isEmpty();
    assertThat(store.replay("zzz", first.id())).isEmpty();
  }

  @Test
  void subscribersGetLiveEventsAndAreClosedOnTakeoverAndDelete() {
    store.create(record("a"));
    var first = new Collecting();
    var second = new Collecting();
    store.subscribe("a", "g", first);
    store.append("a", "g", "1", false);
    store.subscribe("a", "g", second);
    store.append("a", "g", "2", false);
    assertThat(first.events).extracting(StoredEvent::data).containsExactly("1");
    assertThat(first.closed).isTrue();
    assertThat(store.delete("a")).isTrue();
    assertThat(second.closed).isTrue();
    assertThat(store.delete("a")).isFalse();
  }

  @Test
  void recordsSurviveAJsonRoundTrip() {
    var r = record("a").withLogLevel("debug");
    assertThat(SessionRecord.fromJson(r.toJson())).isEqualTo(r);
    store.create(r);
    store.update(r.withLogLevel("error"));
    assertThat(store.find("a").orElseThrow().logLevel()).contains("error");
  }

  static final class Collecting implements EventListener {
    final List<StoredEvent> events = new ArrayList<>();
    volatile boolean closed;

    @Override
    public void onEvent(StoredEvent event) {
      events.add(event);
    }

    @Override
    public void onClosed() {
      closed = true;
    }
  }

  static final class MutableClock extends Clock {
    private Instant now = Instant.parse("2026-01-01T00:00:00Z");

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
