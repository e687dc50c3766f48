package io.mcpoperator.gateway.upstream;

import io.mcpoperator.mcp.jsonrpc.JsonRpcMessage;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A stdio MCP server in another container of the pod, reached through two FIFOs on a shared volume:
 * the gateway writes {@code <dir>/in} (the server's stdin) and reads {@code <dir>/out} (its
 * stdout). The operator's shim creates the FIFOs and {@code exec}s the server with them; the
 * gateway creates them too if it comes first.
 *
 * <p>Opening a FIFO blocks until the other side opens it, so a (re)started server is noticed when
 * the opens complete. The server exiting shows as end of file on {@code out} or a broken pipe on
 * {@code in}; the gateway then closes both and opens them again, waiting for the next server.
 */
public final class FifoUpstream implements Upstream {
  private static final Logger LOG = LoggerFactory.getLogger(FifoUpstream.class);
  private final Path dir;
  private final Backoff backoff;
  private volatile LineChannel channel;
  private volatile boolean closed;
  private volatile String opening = "";
  private Thread supervisor;

  public FifoUpstream(Path dir, Backoff backoff) {
    this.dir = dir;
    this.backoff = backoff;
  }

  @Override
  public void start(UpstreamListener listener) {
    // a platform thread: opening a FIFO blocks in native code and would pin a virtual thread's
    // carrier
    supervisor =
        Thread.ofPlatform().daemon().name("upstream-fifo").start(() -> supervise(listener));
  }

  private void supervise(UpstreamListener listener) {
    while (!closed) {
      Instant started = Instant.now();
      try {
        ensureFifo(dir.resolve("in"));
        ensureFifo(dir.resolve("out"));
        // same order as the shim's "exec server <in >out": stdin first, so neither side deadlocks
        opening = "in";
        OutputStream toServer = new FileOutputStream(dir.resolve("in").toFile());
        opening = "out";
        InputStream fromServer = new FileInputStream(dir.resolve("out").toFile());
        opening = "";
        var lines = new LineChannel(fromServer, toServer, describe());
        channel = lines;
        LOG.info("upstream FIFOs connected: {}", dir);
        listener.connected();
        lines.readAll(listener);
        channel = null;
        lines.close();
        if (!closed) {
          LOG.warn("upstream closed its stdout: {}", dir);
          listener.disconnected("upstream server exited");
        }
      } catch (IOException e) {
        LineChannel current = channel;
        channel = null;
        if (current != null) {
          current.close();
        }
        if (!closed) {
          LOG.warn("upstream FIFOs failed: {}: {}", dir, e.getMessage());
          listener.disconnected("upstream FIFO failed (the gateway log has the cause)");
        }
      }
      backoff.connectionLasted(Duration.between(started, Instant.now()));
      try {
        backoff.pause();
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private static void ensureFifo(Path path) throws IOException {
    if (Files.exists(path)) {
      return;
    }
    Files.createDirectories(path.getParent());
    try {
      Process mkfifo =
          new ProcessBuilder("mkfifo", path.toString()).redirectErrorStream(true).start();
      mkfifo.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted creating " + path, e);
    }
    if (!Files.exists(path)) {
      throw new IOException("cannot create FIFO " + path);
    }
  }

  @Override
  public void send(JsonRpcMessage message) throws IOException {
    LineChannel current = channel;
    if (current == null) {
      throw new IOException("upstream FIFOs are not connected");
    }
    try {
      current.write(message);
    } catch (IOException e) {
      // broken pipe: the server is gone; the reader sees end of file and reconnects
      throw new IOException("upstream server is gone: " + e.getMessage(), e);
    }
  }

  @Override
  public String describe() {
    return "stdio via FIFOs in " + dir;
  }

  @Override
  public void close() {
    closed = true;
    LineChannel current = channel;
    if (current != null) {
      current.close();
    }
    if (supervisor != null) {
      supervisor.interrupt();
      unblockOpens();
    }
  }

  /**
   * A supervisor blocked opening a FIFO returns once the other end is opened: open that end briefly
   * (on a platform thread, in case the supervisor got through meanwhile).
   */
  private void unblockOpens() {
    String blocked = opening;
    if (blocked.isEmpty()) {
      return;
    }
    Path path = dir.resolve(blocked);
    Thread.ofPlatform()
        .daemon()
        .start(
            () -> {
              try {
                if (blocked.equals("in")) {
                  new FileInputStream(path.toFile()).close();
                } else {
                  new FileOutputStream(path.toFile()).close();
                }
              } catch (IOException e) {
                // nothing to unblock
              }
            });
  }
}
