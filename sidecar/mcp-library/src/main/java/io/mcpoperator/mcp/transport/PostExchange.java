package io.mcpoperator.mcp.transport;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerResponse;
import io.mcpoperator.mcp.jsonrpc.Json;
import io.mcpoperator.mcp.jsonrpc.JsonRpcCodec;
import io.mcpoperator.mcp.jsonrpc.JsonRpcMessage;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * The answer to one POST that carried requests. Answers with plain JSON when every final response
 * is ready before anything else is sent; switches to SSE as soon as a request sends a notification
 * or a server-to-client request first. Once on SSE, every event is recorded, so when the client's
 * connection breaks the rest is still kept for resumption.
 */
final class PostExchange implements Outbox {
  private final BlockingQueue<Item> queue = new LinkedBlockingQueue<>();

  private final AtomicBoolean answering = new AtomicBoolean();
  private volatile Here here;

  private record Item(JsonRpcMessage message, boolean last) {}

  @Override
  public void send(JsonRpcMessage message, boolean last) {
    queue.add(new Item(message, last));
    Here current = here;
    if (current != null && (!last || current.worker != Thread.currentThread())) {
      current.answerNow();
    }
  }

  /**
   * Runs {@code work}, which serves one request sending to this exchange, on this thread, then
   * answers as {@link #respond} does. If the request sends anything before its final response, or
   * its final response comes from another thread while {@code work} still runs (a 2026-07-28
   * request answered {@code input_required} while its backend waits on), a writer thread starts
   * answering at once, and this method returns once {@code work} and the writer are done.
   */
  void respondHere(
      Runnable work,
      ServerResponse res,
      StreamTarget target,
      Duration maxWait,
      Function<JsonRpcMessage, Status> statusOf)
      throws InterruptedException {
    var current = new Here(Thread.currentThread(), res, target, maxWait, statusOf);
    here = current;
    work.run();
    if (answering.compareAndSet(false, true)) {
      respond(res, 1, false, target, maxWait, statusOf);
      return;
    }
    current.written.await();
    if (current.failure != null) {
      throw current.failure;
    }
  }

  /** The request {@link #respondHere} serves on the connection's thread, and its early writer. */
  private final class Here {
    private final Thread worker;
    private final ServerResponse res;
    private final StreamTarget target;
    private final Duration maxWait;
    private final Function<JsonRpcMessage, Status> statusOf;
    private final CountDownLatch written = new CountDownLatch(1);
    private volatile RuntimeException failure;

    Here(
        Thread worker,
        ServerResponse res,
        StreamTarget target,
        Duration maxWait,
        Function<JsonRpcMessage, Status> statusOf) {
      this.worker = worker;
      this.res = res;
      this.target = target;
      this.maxWait = maxWait;
      this.statusOf = statusOf;
    }

    /** Starts answering on a writer thread, unless the answer is already being written. */
    void answerNow() {
      if (!answering.compareAndSet(false, true)) {
        return;
      }
      if (target.sessionId().isEmpty()) {
        // a stateless request may go on running on the connection's thread after this answer
        // (waiting for input): the client must not send its next request on this connection
        res.header(HeaderNames.CONNECTION, "close");
      }
      Thread.ofVirtual().name("mcp-post-writer").start(this::write);
    }

    private void write() {
      try {
        respond(res, 1, false, target, maxWait, statusOf);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (RuntimeException e) {
        failure = e;
      } finally {
        written.countDown();
      }
    }
  }

  /**
   * Writes the answer; returns when all {@code expected} final responses were written or recorded,
   * or when {@code maxWait} passed without any message.
   */
  void respond(
      ServerResponse res, int expected, boolean batch, StreamTarget target, Duration maxWait)
      throws InterruptedException {
    respond(res, expected, batch, target, maxWait, m -> io.helidon.http.Status.OK_200);
  }

  /**
   * As {@link #respond(ServerResponse, int, boolean, StreamTarget, Duration)}; a single response
   * answered as plain JSON gets the HTTP status {@code statusOf} gives it.
   */
  void respond(
      ServerResponse res,
      int expected,
      boolean batch,
      StreamTarget target,
      Duration maxWait,
      Function<JsonRpcMessage, Status> statusOf)
      throws InterruptedException {
    List<Item> received = new ArrayList<>();
    int finals = 0;
    while (finals < expected) {
      Item item = queue.poll(maxWait.toMillis(), TimeUnit.MILLISECONDS);
      if (item == null) {
        return;
      }
      received.add(item);
      if (!item.last()) {
        stream(res, received, expected, target, maxWait);
        return;
      }
      finals++;
    }
    if (batch) {
      var messages = received.stream().map(Item::message).toList();
      HttpReplies.json(res, io.helidon.http.Status.OK_200, JsonRpcCodec.encode(messages));
    } else {
      var message = received.getFirst().message();
      HttpReplies.message(res, statusOf.apply(message), message);
    }
  }

  private void stream(
      ServerResponse res, List<Item> received, int expected, StreamTarget target, Duration maxWait)
      throws InterruptedException {
    SseWriter writer = SseWriter.open(res);
    boolean connected = !target.primes() || write(writer, Optional.of(target.primingId()), "");
    int remaining = expected;
    List<Item> items = new ArrayList<>(received);
    while (true) {
      for (Item item : items) {
        String data = Json.write(JsonRpcCodec.toJson(item.message()));
        if (item.last()) {
          remaining--;
        }
        Optional<String> id = target.record(data, item.last() && remaining == 0);
        if (connected) {
          connected = write(writer, id, data);
        }
      }
      items.clear();
      if (remaining <= 0) {
        break;
      }
      Item next = queue.poll(maxWait.toMillis(), TimeUnit.MILLISECONDS);
      if (next == null) {
        break;
      }
      items.add(next);
    }
    writer.close();
  }

  private static boolean write(SseWriter writer, Optional<String> id, String data) {
    try {
      if (data.isEmpty()) {
        writer.prime(id.orElseThrow());
      } else {
        writer.message(id, data);
      }
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
