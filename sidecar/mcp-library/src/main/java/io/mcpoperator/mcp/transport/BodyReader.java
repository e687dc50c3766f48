package io.mcpoperator.mcp.transport;

import io.helidon.common.buffers.DataReader;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Optional;

/**
 * Reads a request body up to a size cap and within a deadline. Helidon's server has no deadline for
 * a body (its idle-connection timeout is refreshed by every byte, and {@code
 * ConnectionConfig.readTimeout} is not applied to server sockets), so a client announcing 1000
 * bytes and dripping one a second would hold the connection's thread for ever. Past the deadline
 * the reading thread is interrupted; a virtual thread (Helidon's connection threads) blocked in a
 * socket read then has its socket closed by the JDK, which ends the connection.
 */
final class BodyReader {
  private final Deadlines deadlines;
  private final RequestObserver observer;

  BodyReader(Deadlines deadlines, RequestObserver observer) {
    this.deadlines = deadlines;
    this.observer = observer;
  }

  /** The client stopped sending its body: it hung up, or was cut off past the deadline. */
  static final class ClientGoneException extends RuntimeException {
    private final boolean timedOut;

    ClientGoneException(boolean timedOut, Throwable cause) {
      super(timedOut ? "request body not received within the body timeout" : "client hung up");
      this.timedOut = timedOut;
      if (cause != null) {
        initCause(cause);
      }
    }

    boolean timedOut() {
      return timedOut;
    }
  }

  /** One read's deadline: interrupts the reader unless the read finished first. */
  private static final class Watch {
    private final Thread reader = Thread.currentThread();
    private boolean done;
    private boolean timedOut;

    synchronized void expire() {
      if (!done) {
        timedOut = true;
        reader.interrupt();
      }
    }

    /** Ends the watch; true when it expired (the interrupt it sent is cleared). */
    synchronized boolean finish() {
      done = true;
      if (timedOut) {
        Thread.interrupted();
      }
      return timedOut;
    }
  }

  /**
   * The body, or empty when it is larger than {@code max} bytes.
   *
   * @throws ClientGoneException when the client hung up mid-body or did not send it in time
   */
  Optional<byte[]> read(ServerRequest req, long max, Duration timeout) {
    Optional<Long> declared =
        req.headers().first(HeaderNames.CONTENT_LENGTH).flatMap(BodyReader::parseLong);
    if (declared.isPresent() && declared.get() > max) {
      return Optional.empty();
    }
    if (!req.content().hasEntity()) {
      return Optional.of(new byte[0]);
    }
    Watch watch = new Watch();
    deadlines.watch(watch, timeout, watch::expire);
    Optional<byte[]> body = Optional.empty();
    RuntimeException failure = null;
    try {
      body = readAll(req, declared, max);
    } catch (RuntimeException e) {
      // UncheckedIOException, Helidon's InsufficientDataAvailableException or
      // ServerConnectionException: reading a body fails only when its connection does
      failure = e;
    }
    deadlines.forget(watch);
    // expired also when the deadline passed as the last byte came in: the interrupt may have
    // closed the socket
    boolean timedOut = watch.finish();
    if (timedOut) {
      observer.bodyTimedOut();
    }
    if (failure != null || timedOut) {
      throw new ClientGoneException(timedOut, failure);
    }
    return body;
  }

  private static Optional<byte[]> readAll(ServerRequest req, Optional<Long> declared, long max) {
    try (InputStream in = req.content().inputStream()) {
      if (declared.isPresent()) {
        // the usual case: exactly the declared bytes, one array, no copies
        byte[] bytes = in.readNBytes(declared.get().intValue());
        if (bytes.length < declared.get()) {
          throw new DataReader.InsufficientDataAvailableException();
        }
        return Optional.of(bytes);
      }
      var out = new ByteArrayOutputStream(1024);
      byte[] buffer = new byte[2048];
      int n;
      while ((n = in.read(buffer)) > 0) {
        out.write(buffer, 0, n);
        if (out.size() > max) {
          return Optional.empty();
        }
      }
      return Optional.of(out.toByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Optional<Long> parseLong(String value) {
    try {
      return Optional.of(Long.parseLong(value.trim()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
