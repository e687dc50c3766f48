package io.mcpoperator.gateway.upstream;

import io.mcpoperator.mcp.jsonrpc.JsonRpcMessage;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A stdio MCP server the gateway spawns itself (local development, tests). Its stderr goes to the
 * gateway's stderr. When it exits it is started again after a backoff.
 */
public final class StdioProcessUpstream implements Upstream {
  private static final Logger LOG = LoggerFactory.getLogger(StdioProcessUpstream.class);
  private final List<String> command;
  private final Backoff backoff;
  private volatile LineChannel channel;
  private volatile Process process;
  private volatile boolean closed;
  private Thread supervisor;

  public StdioProcessUpstream(List<String> command, Backoff backoff) {
    if (command.isEmpty()) {
      throw new IllegalArgumentException("upstream command is empty");
    }
    this.command = List.copyOf(command);
    this.backoff = backoff;
  }

  @Override
  public void start(UpstreamListener listener) {
    supervisor =
        Thread.ofPlatform().daemon().name("upstream-stdio").start(() -> supervise(listener));
  }

  private void supervise(UpstreamListener listener) {
    while (!closed) {
      Instant started = Instant.now();
      try {
        Process p =
            new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        process = p;
        var lines = new LineChannel(p.getInputStream(), p.getOutputStream(), describe());
        channel = lines;
        LOG.info("upstream process started: pid {} ({})", p.pid(), describe());
        listener.connected();
        lines.readAll(listener);
        channel = null;
        lines.close();
        int code = p.waitFor(5, TimeUnit.SECONDS) ? p.exitValue() : -1;
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        if (!closed) {
          LOG.warn("upstream process exited with {}: {}", code, describe());
          listener.disconnected("upstream process exited with " + code);
        }
      } catch (IOException e) {
        channel = null;
        if (!closed) {
          LOG.warn("upstream process failed: {}: {}", describe(), e.getMessage());
          listener.disconnected("upstream process failed (the gateway log has the cause)");
        }
      } catch (InterruptedException e) {
        return;
      }
      backoff.connectionLasted(Duration.between(started, Instant.now()));
      try {
        backoff.pause();
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  @Override
  public void send(JsonRpcMessage message) throws IOException {
    LineChannel current = channel;
    if (current == null) {
      throw new IOException("upstream process is not running");
    }
    current.write(message);
  }

  @Override
  public String describe() {
    String line = String.join(" ", command);
    return "stdio " + (line.length() > 120 ? line.substring(0, 117) + "..." : line);
  }

  @Override
  public void close() {
    closed = true;
    Process p = process;
    if (p != null) {
      p.descendants().forEach(ProcessHandle::destroy);
      p.destroy();
      try {
        if (!p.waitFor(5, TimeUnit.SECONDS)) {
          p.destroyForcibly();
        }
      } catch (InterruptedException e) {
        p.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
    if (supervisor != null) {
      supervisor.interrupt();
    }
  }

  /** The running process, if any (tests kill it to simulate a crash). */
  public java.util.Optional<ProcessHandle> processHandle() {
    Process p = process;
    return p != null && p.isAlive()
        ? java.util.Optional.of(p.toHandle())
        : java.util.Optional.empty();
  }
}
