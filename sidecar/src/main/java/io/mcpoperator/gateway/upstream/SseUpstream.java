package io.mcpoperator.gateway.upstream;

import io.helidon.http.HeaderNames;
import io.helidon.webclient.api.HttpClientResponse;
import io.helidon.webclient.api.WebClient;
import io.mcpoperator.mcp.jsonrpc.JsonRpcCodec;
import io.mcpoperator.mcp.jsonrpc.JsonRpcMessage;
import io.mcpoperator.mcp.sse.SseEvent;
import io.mcpoperator.mcp.sse.SseParser;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An upstream speaking the legacy HTTP+SSE transport: a GET stream whose first {@code endpoint}
 * event names the URL to POST messages to; every message from the server arrives on the stream.
 * When the stream ends the upstream is disconnected and the stream reopened with backoff.
 */
public final class SseUpstream implements Upstream {
  private static final Logger LOG = LoggerFactory.getLogger(SseUpstream.class);
  private final URI uri;
  private final Backoff backoff;
  private final ForwardedHeaders forwarded;
  private final WebClient client;
  private volatile Optional<URI> postUri = Optional.empty();
  private volatile boolean closed;
  private Thread reader;

  public SseUpstream(URI uri, Backoff backoff, ForwardedHeaders forwarded) {
    this.uri = uri;
    this.backoff = backoff;
    this.forwarded = forwarded;
    this.client = WebClient.builder().connectTimeout(Duration.ofSeconds(5)).build();
  }

  @Override
  public void start(UpstreamListener listener) {
    reader = Thread.ofVirtual().name("upstream-sse").start(() -> run(listener));
  }

  private void run(UpstreamListener listener) {
    while (!closed) {
      Instant started = Instant.now();
      try (HttpClientResponse response =
          client
              .get()
              .uri(uri)
              .readTimeout(Duration.ofDays(365))
              .header(HeaderNames.ACCEPT, "text/event-stream")
              .request()) {
        if (response.status().code() == 200) {
          follow(response.inputStream(), listener);
        } else {
          LOG.warn("upstream SSE {} answered {}", uri, response.status());
        }
      } catch (IOException | RuntimeException e) {
        LOG.warn("upstream SSE {} failed: {}", uri, e.getMessage());
      }
      if (postUri.isPresent()) {
        postUri = Optional.empty();
        listener.disconnected("upstream SSE stream ended");
      }
      backoff.connectionLasted(Duration.between(started, Instant.now()));
      try {
        backoff.pause();
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private void follow(InputStream in, UpstreamListener listener) throws IOException {
    var parser = new SseParser(in);
    Optional<SseEvent> event;
    while ((event = parser.next()).isPresent()) {
      SseEvent e = event.get();
      if (e.event().equals("endpoint")) {
        postUri = Optional.of(uri.resolve(e.data().trim()));
        listener.connected();
      } else if (e.event().equals("message")) {
        HttpMessages.decode(
            e.data().getBytes(java.nio.charset.StandardCharsets.UTF_8), listener, Optional.empty());
      }
    }
  }

  @Override
  public void send(JsonRpcMessage message) throws IOException {
    send(message, ClientHeaders.NONE);
  }

  @Override
  public void send(JsonRpcMessage message, ClientHeaders clientHeaders) throws IOException {
    URI target = postUri.orElseThrow(() -> new IOException("upstream SSE stream is not connected"));
    var request = client.post().uri(target).header(HeaderNames.CONTENT_TYPE, "application/json");
    forwarded.apply(
        clientHeaders, (name, value) -> request.header(HeaderNames.create(name), value));
    try (HttpClientResponse response = request.submit(JsonRpcCodec.encode(message))) {
      if (response.status().code() >= 300) {
        throw new IOException("upstream answered HTTP " + response.status().code());
      }
    } catch (RuntimeException e) {
      throw new IOException(e.getMessage(), e);
    }
  }

  @Override
  public String describe() {
    return "sse " + uri;
  }

  @Override
  public void close() {
    closed = true;
    if (reader != null) {
      reader.interrupt();
    }
  }
}
