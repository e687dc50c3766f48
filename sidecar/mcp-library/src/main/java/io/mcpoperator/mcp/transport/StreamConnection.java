package io.mcpoperator.mcp.transport;

import io.mcpoperator.mcp.session.EventListener;
import io.mcpoperator.mcp.session.StoredEvent;
import java.io.IOException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * One open SSE connection following a recorded stream (the standalone GET stream, a resumed POST
 * stream, or a legacy SSE stream). A slow client that lets {@code capacity} events pile up is
 * disconnected; it can resume from the record.
 */
final class StreamConnection implements EventListener {
  private static final StoredEvent CLOSED = new StoredEvent("", "", "", true);
  // a mailbox rather than a BlockingQueue: an idle stream (most of them) holds no locks, conditions
  // or arrays, and its parked thread one frame less — thousands of streams are open at once
  private final Mailbox queue;
  private Set<String> replayed;

  StreamConnection(int capacity) {
    this.queue = new Mailbox(capacity);
  }

  @Override
  public void onEvent(StoredEvent event) {
    if (!queue.offer(event)) {
      queue.abort();
    }
  }

  @Override
  public void onClosed() {
    if (!queue.offer(CLOSED)) {
      queue.abort();
    }
  }

  /**
   * Writes {@code replay}, then live events until the stream ends, the subscription is closed or
   * the client goes away; sends a keep-alive comment after each quiet {@code keepAlive}.
   */
  void pump(SseWriter writer, List<StoredEvent> replay, Duration keepAlive)
      throws InterruptedException {
    try {
      if (!replay.isEmpty()) {
        replayed = new HashSet<>();
      }
      for (StoredEvent event : replay) {
        replayed.add(event.id());
        writer.message(Optional.of(event.id()), event.data());
        if (event.last()) {
          return;
        }
      }
      while (true) {
        StoredEvent event = queue.poll(keepAlive.toNanos());
        if (event == null) {
          writer.keepAlive();
        } else if (event == CLOSED) {
          return;
        } else if (replayed == null || !replayed.contains(event.id())) {
          // a listen stream's events have no id: it is not resumable
          writer.message(
              event.id().isEmpty() ? Optional.empty() : Optional.of(event.id()), event.data());
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

  /**
   * Events for one reader (the stream's thread) from any number of writers, bounded: {@link #offer}
   * is false when {@code capacity} events wait.
   */
  private static final class Mailbox {
    private final ConcurrentLinkedQueue<StoredEvent> events = new ConcurrentLinkedQueue<>();
    private final AtomicInteger size = new AtomicInteger();
    private final int capacity;
    private volatile Thread reader;
    private volatile boolean aborted;

    Mailbox(int capacity) {
      this.capacity = capacity;
    }

    boolean offer(StoredEvent event) {
      if (size.incrementAndGet() > capacity) {
        size.decrementAndGet();
        return false;
      }
      events.add(event);
      LockSupport.unpark(reader);
      return true;
    }

    /** Ends the stream at once: the reader gets {@link #CLOSED}, whatever still waits. */
    void abort() {
      aborted = true;
      LockSupport.unpark(reader);
    }

    /** The next event, or null after {@code nanos} without one. */
    StoredEvent poll(long nanos) throws InterruptedException {
      long deadline = System.nanoTime() + nanos;
      reader = Thread.currentThread();
      try {
        while (true) {
          if (aborted) {
            return CLOSED;
          }
          StoredEvent event = events.poll();
          if (event != null) {
            size.decrementAndGet();
            return event;
          }
          long left = deadline - System.nanoTime();
          if (left <= 0) {
            return null;
          }
          LockSupport.parkNanos(this, left);
          if (Thread.interrupted()) {
            throw new InterruptedException();
          }
        }
      } finally {
        reader = null;
      }
    }
  }
}
