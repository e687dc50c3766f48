package io.mcpoperator.gateway.mcp.transport;

import io.mcpoperator.gateway.mcp.session.EventListener;
import io.mcpoperator.gateway.mcp.session.StoredEvent;
import java.io.IOException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One open SSE connection following a recorded stream (the standalone GET stream, a resumed POST
 * stream, or a legacy SSE stream). A slow client that lets {@code capacity} events pile up is
 * disconnected; it can resume from the record.
 */
final class StreamConnection implements EventListener {
  private static final StoredEvent CLOSED = new StoredEvent("", "", "", true);
  private final BlockingQueue<StoredEvent> queue;
  private final Set<String> replayed = new HashSet<>();

  StreamConnection(int capacity) {
    // linked: an idle stream holds no array sized for the worst case
    this.queue = new LinkedBlockingQueue<>(capacity);
  }

  @Override
  public void onEvent(StoredEvent event) {
    if (!queue.offer(event)) {
      queue.clear();
      queue.offer(CLOSED);
    }
  }

  @Override
  public void onClosed() {
    if (!queue.offer(CLOSED)) {
      queue.clear();
      queue.offer(CLOSED);
    }
  }

  /**
   * Writes {@code replay}, then live events until the stream ends, the subscription is closed or
   * the client goes away; sends a keep-alive comment after each quiet {@code keepAlive}.
   */
  void pump(SseWriter writer, List<StoredEvent> replay, Duration keepAlive)
      throws InterruptedException {
    try {
      for (StoredEvent event : replay) {
        replayed.add(event.id());
        writer.message(Optional.of(event.id()), event.data());
        if (event.last()) {
          return;
        }
      }
      while (true) {
        StoredEvent event = queue.poll(keepAlive.toMillis(), TimeUnit.MILLISECONDS);
        if (event == null) {
          writer.keepAlive();
        } else if (event == CLOSED) {
          return;
        } else if (!replayed.contains(event.id())) {
          writer.message(Optional.of(event.id()), event.data());
          if (event.last()) {
            return;
          }
        }
      }
    } catch (IOException e) {
      // client went away; it may resume with Last-Event-ID
    } finally {
      writer.close();
    }
  }
}
