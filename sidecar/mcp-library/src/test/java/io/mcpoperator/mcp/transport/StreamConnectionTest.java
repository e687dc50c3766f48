package io.mcpoperator.mcp.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mcpoperator.mcp.session.StoredEvent;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class StreamConnectionTest {
  private final ByteArrayOutputStream wire = new ByteArrayOutputStream();

  private static StoredEvent event(String id, String data) {
    return new StoredEvent(id, "_GET", data, false);
  }

  /** Runs pump on its own thread; completes when it returns. */
  private CompletableFuture<Void> pump(StreamConnection c, List<StoredEvent> replay, Duration ka) {
    var done = new CompletableFuture<Void>();
    Thread.ofVirtual()
        .start(
            () -> {
              try {
                c.pump(new SseWriter(wire), replay, ka);
                done.complete(null);
              } catch (InterruptedException e) {
                done.completeExceptionally(e);
              }
            });
    return done;
  }

  private String written() {
    synchronized (wire) {
      return wire.toString(StandardCharsets.UTF_8);
    }
  }

  @Test
  void writesEventsInOrderUntilTheSubscriptionCloses() throws Exception {
    var connection = new StreamConnection(8);
    var done = pump(connection, List.of(), Duration.ofSeconds(30));
    connection.onEvent(event("_GET.1", "{\"a\":1}"));
    connection.onEvent(event("_GET.2", "{\"a\":2}"));
    connection.onClosed();
    done.get(5, TimeUnit.SECONDS);
    assertThat(written())
        .isEqualTo(
            "id: _GET.1\nevent: message\ndata: {\"a\":1}\n\n"
                + "id: _GET.2\nevent: message\ndata: {\"a\":2}\n\n");
  }

  @Test
  void eventsThatArriveBeforeTheReaderWaitAreNotLost() throws Exception {
    var connection = new StreamConnection(8);
    connection.onEvent(event("_GET.1", "{}"));
    connection.onClosed();
    pump(connection, List.of(), Duration.ofSeconds(30)).get(5, TimeUnit.SECONDS);
    assertThat(written()).contains("id: _GET.1");
  }

  @Test
  void aClientThatFallsBehindIsDisconnectedAtOnce() throws Exception {
    var connection = new StreamConnection(2);
    connection.onEvent(event("_GET.1", "{}"));
    connection.onEvent(event("_GET.2", "{}"));
    connection.onEvent(event("_GET.3", "{}")); // over capacity: the stream ends, nothing more
    pump(connection, List.of(), Duration.ofSeconds(30)).get(5, TimeUnit.SECONDS);
    assertThat(written()).isEmpty();
  }

  @Test
  void aQuietStreamGetsKeepAliveComments() throws Exception {
    var connection = new StreamConnection(8);
    var done = pump(connection, List.of(), Duration.ofMillis(20));
    await().atMost(Duration.ofSeconds(5)).until(() -> written().contains(": keep-alive\n\n"));
    connection.onClosed();
    done.get(5, TimeUnit.SECONDS);
    assertThat(written()).startsWith(": keep-alive\n\n");
  }

  @Test
  void replayedEventsAreNotWrittenTwiceAndALastEventEndsTheStream() throws Exception {
    var connection = new StreamConnection(8);
    var done = pump(connection, List.of(event("s.1", "{\"r\":1}")), Duration.ofSeconds(30));
    connection.onEvent(event("s.1", "{\"r\":1}")); // also delivered live: skipped
    connection.onEvent(new StoredEvent("s.2", "s", "{\"r\":2}", true));
    done.get(5, TimeUnit.SECONDS);
    assertThat(written())
        .isEqualTo(
            "id: s.1\nevent: message\ndata: {\"r\":1}\n\n"
                + "id: s.2\nevent: message\ndata: {\"r\":2}\n\n");
  }

  @Test
  void anInterruptedReaderStops() throws Exception {
    var connection = new StreamConnection(8);
    var failure = new CompletableFuture<Throwable>();
    Thread reader =
        Thread.ofVirtual()
            .start(
                () -> {
                  try {
                    connection.pump(new SseWriter(wire), List.of(), Duration.ofSeconds(30));
                    failure.complete(null);
                  } catch (InterruptedException e) {
                    failure.complete(e);
                  }
                });
    // interrupted while it waits for something to send
    await()
        .atMost(Duration.ofSeconds(5))
        .until(
            () ->
                reader.getState() == Thread.State.WAITING
                    || reader.getState() == Thread.State.TIMED_WAITING);
    reader.interrupt();
    assertThat(failure.get(5, TimeUnit.SECONDS)).isInstanceOf(InterruptedException.class);
  }
}
