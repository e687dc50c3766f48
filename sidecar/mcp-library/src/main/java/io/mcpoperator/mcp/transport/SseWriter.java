package io.mcpoperator.mcp.transport;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Writes a {@code text/event-stream} response, one flushed event at a time. */
public final class SseWriter {
  private final OutputStream out;

  SseWriter(OutputStream out) {
    this.out = out;
  }

  /** Sends the SSE response headers (with {@code extra} set beforehand by the caller). */
  public static SseWriter open(ServerResponse res) {
    res.status(Status.OK_200);
    res.header(HeaderNames.CONTENT_TYPE, "text/event-stream");
    res.header(HeaderNames.CACHE_CONTROL, "no-cache");
    res.header(HeaderNames.create("X-Accel-Buffering"), "no");
    return new SseWriter(res.outputStream());
  }

  /** Writes a {@code message} event. */
  public void message(Optional<String> id, String data) throws IOException {
    event(id, Optional.of("message"), data);
  }

  /** Writes an event; {@code data} must be a single line (compact JSON is). */
  public void event(Optional<String> id, Optional<String> name, String data) throws IOException {
    var text = new StringBuilder(data.length() + 48);
    id.ifPresent(i -> text.append("id: ").append(i).append('\n'));
    name.ifPresent(n -> text.append("event: ").append(n).append('\n'));
    text.append("data: ").append(data).append("\n\n");
    write(text.toString());
  }

  /** An event with an id and empty data, so the client can resume from here (2025-11-25). */
  public void prime(String id) throws IOException {
    write("id: " + id + "\ndata: \n\n");
  }

  /** A comment line: keeps proxies from timing out and detects a gone client. */
  public void keepAlive() throws IOException {
    write(": keep-alive\n\n");
  }

  /** Ends the response. */
  public void close() {
    try {
      out.close();
    } catch (IOException | RuntimeException e) {
      // the client is already gone (Helidon reports it as ServerConnectionException)
    }
  }

  private void write(String text) throws IOException {
    try {
      out.write(text.getBytes(StandardCharsets.UTF_8));
      out.flush();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    } catch (RuntimeException e) {
      throw new IOException("client connection failed", e);
    }
  }
}
