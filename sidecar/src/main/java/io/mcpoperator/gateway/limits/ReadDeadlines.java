package io.mcpoperator.gateway.limits;

import io.helidon.common.buffers.BufferData;
import io.helidon.http.Headers;
import io.helidon.http.HttpPrologue;
import io.helidon.http.Status;
import io.helidon.webserver.ConnectionContext;
import io.helidon.webserver.http1.Http1ConnectionListener;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes connections whose request head (request line and headers) takes longer than the header
 * timeout to arrive, counted from its first byte: a slowloris client dripping a byte a second no
 * longer holds a connection (and a thread) for ever. Bytes a connection receives after a response
 * started belong to the next request, or to a request body nobody read (drained by the server):
 * both are bounded by the same deadline. Bodies the gateway reads have their own deadline (see
 * {@code BodyReader}).
 *
 * <p>Registered on Helidon's HTTP/1 protocol as both receive listener ({@link #receiving()}) and
 * send listener ({@link #sending()}); a sweeper checks deadlines a few times per timeout.
 */
public final class ReadDeadlines implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ReadDeadlines.class);
  private final long headerNanos;
  private final Runnable onTimeout;
  private final Map<ConnectionContext, Watch> watches = new ConcurrentHashMap<>();
  private final ScheduledExecutorService sweeper =
      Executors.newSingleThreadScheduledExecutor(
          Thread.ofPlatform().daemon().name("read-deadlines").factory());

  /** A connection's state: reading a request head until {@code deadline}, or not reading one. */
  private static final class Watch {
    volatile boolean head;
    volatile long deadline;
    volatile long since = System.nanoTime();
  }

  /** A request whose head arrived but no response started this long ago has lost its connection. */
  private static final long FORGET_NANOS = TimeUnit.MINUTES.toNanos(10);

  /**
   * @param headerTimeout the longest a request head may take to arrive
   * @param onTimeout told of every connection closed for it (a metric)
   */
  public ReadDeadlines(Duration headerTimeout, Runnable onTimeout) {
    this.headerNanos = headerTimeout.toNanos();
    this.onTimeout = onTimeout;
    long period = Math.max(50, headerTimeout.toMillis() / 4);
    sweeper.scheduleWithFixedDelay(this::sweep, period, period, TimeUnit.MILLISECONDS);
  }

  /** The receive listener: arms the deadline at a request's first byte, disarms at its headers. */
  public Http1ConnectionListener receiving() {
    return new Http1ConnectionListener() {
      @Override
      public void data(ConnectionContext ctx, BufferData data) {
        Watch watch = watches.computeIfAbsent(ctx, c -> new Watch());
        if (!watch.head && watch.deadline == 0) {
          arm(watch);
        }
      }

      @Override
      public void data(ConnectionContext ctx, byte[] bytes, int offset, int length) {
        data(ctx, (BufferData) null);
      }

      @Override
      public void prologue(ConnectionContext ctx, HttpPrologue prologue) {
        arm(watches.computeIfAbsent(ctx, c -> new Watch()));
      }

      @Override
      public void headers(ConnectionContext ctx, Headers headers) {
        Watch watch = watches.get(ctx);
        if (watch != null) {
          // the request is in: its body, if read, is the reader's to bound
          watch.head = false;
          watch.deadline = -1;
          watch.since = System.nanoTime();
        }
      }
    };
  }

  /** The send listener: once a response starts, the next bytes are a new request's. */
  public Http1ConnectionListener sending() {
    return new Http1ConnectionListener() {
      @Override
      public void status(ConnectionContext ctx, Status status) {
        Watch watch = watches.get(ctx);
        if (watch != null) {
          watch.head = false;
          watch.deadline = 0;
        }
      }
    };
  }

  private void arm(Watch watch) {
    watch.deadline = System.nanoTime() + headerNanos;
    watch.head = true;
  }

  private void sweep() {
    long now = System.nanoTime();
    watches.forEach(
        (ctx, watch) -> {
          if (!watch.head) {
            // between requests (its next byte starts over), or a request whose connection is gone
            if (watch.deadline == 0
                || !ctx.serverSocket().isConnected()
                || now - watch.since > FORGET_NANOS) {
              watches.remove(ctx, watch);
            }
            return;
          }
          if (now - watch.deadline > 0) {
            watches.remove(ctx, watch);
            LOG.debug(
                "closing connection from {}: request head not received within {} ms",
                ctx.remotePeer().address(),
                headerNanos / 1_000_000);
            onTimeout.run();
            try {
              ctx.serverSocket().close();
            } catch (RuntimeException e) {
              LOG.debug("closing a timed-out connection failed: {}", e.toString());
            }
          }
        });
  }

  /** Connections being watched (tests). */
  int watched() {
    return watches.size();
  }

  @Override
  public void close() {
    sweeper.shutdownNow();
  }
}
