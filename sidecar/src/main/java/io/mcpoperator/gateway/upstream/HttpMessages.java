package io.mcpoperator.gateway.upstream;

import io.helidon.http.HeaderNames;
import io.helidon.webclient.api.HttpClientResponse;
import io.mcpoperator.mcp.jsonrpc.DecodedBody;
import io.mcpoperator.mcp.jsonrpc.Json;
import io.mcpoperator.mcp.jsonrpc.JsonRpcCodec;
import io.mcpoperator.mcp.jsonrpc.JsonRpcError;
import io.mcpoperator.mcp.jsonrpc.JsonRpcMessage;
import io.mcpoperator.mcp.sse.SseEvent;
import io.mcpoperator.mcp.sse.SseParser;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads the JSON-RPC messages of an HTTP response body, plain JSON or an SSE stream. */
final class HttpMessages {
  private static final Logger LOG = LoggerFactory.getLogger(HttpMessages.class);

  private HttpMessages() {}

  static boolean isEventStream(HttpClientResponse response) {
    return response
        .headers()
        .first(HeaderNames.CONTENT_TYPE)
        .map(v -> v.toLowerCase(java.util.Locale.ROOT).startsWith("text/event-stream"))
        .orElse(false);
  }

  /**
   * What one response body carried, as far as resuming it goes.
   *
   * @param answered the response to the related request was among the messages
   * @param lastEventId the id of the last SSE event, to resume the stream from
   * @param retry the reconnection delay the server asked for
   */
  record Delivery(boolean answered, Optional<String> lastEventId, Optional<Duration> retry) {}

  /** Hands every message of the body to {@code listener}, tagged with {@code related}. */
  static Delivery deliver(
      HttpClientResponse response, UpstreamListener listener, Optional<JsonValue> related)
      throws IOException {
    var answered = new AtomicBoolean();
    UpstreamListener watching = new AnswerWatch(listener, related, answered);
    try (InputStream in = response.inputStream()) {
      if (!isEventStream(response)) {
        decode(in.readAllBytes(), watching, related);
        return new Delivery(answered.get(), Optional.empty(), Optional.empty());
      }
      var parser = new SseParser(in);
      Optional<Duration> retry = Optional.empty();
      Optional<SseEvent> event;
      // the response ends the request's stream: stop there even if the server keeps it open
      while (!answered.get() && (event = parser.next()).isPresent()) {
        Optional<Long> millis = event.get().retry();
        if (millis.isPresent()) {
          retry = Optional.of(Duration.ofMillis(millis.get()));
        }
        if (event.get().event().equals("message") && !event.get().data().isBlank()) {
          decode(event.get().data().getBytes(StandardCharsets.UTF_8), watching, related);
        }
      }
      return new Delivery(answered.get(), parser.lastEventId(), retry);
    }
  }

  /** Notices the response to the related request on its way to the listener. */
  private record AnswerWatch(
      UpstreamListener delegate, Optional<JsonValue> related, AtomicBoolean answered)
      implements UpstreamListener {
    @Override
    public void connected() {}

    @Override
    public void received(JsonRpcMessage message, Optional<JsonValue> relatedRequestId) {
      if (message instanceof JsonRpcMessage.Response r && related.equals(Optional.of(r.id()))) {
        answered.set(true);
      }
      delegate.received(message, relatedRequestId);
    }

    @Override
    public void disconnected(String reason) {}
  }

  private static final int MAX_ERROR_BODY = 64 * 1024;

  /**
   * The JSON-RPC error an error response's JSON body carries, as the answer to request {@code id}
   * (servers may leave the id out of such errors); empty when the body is not one.
   */
  static Optional<JsonRpcMessage.Failure> error(HttpClientResponse response, JsonValue id) {
    boolean json =
        response
            .headers()
            .first(HeaderNames.CONTENT_TYPE)
            .map(v -> v.toLowerCase(java.util.Locale.ROOT).startsWith("application/json"))
            .orElse(false);
    if (!json) {
      return Optional.empty();
    }
    try (InputStream in = response.inputStream()) {
      byte[] body = in.readNBytes(MAX_ERROR_BODY);
      if (!(Json.parse(body) instanceof JsonObject message)
          || !(message.get("error") instanceof JsonObject error)
          || !(error.get("code") instanceof JsonNumber code)
          || !code.isIntegral()) {
        return Optional.empty();
      }
      return Optional.of(
          new JsonRpcMessage.Failure(
              id,
              new JsonRpcError(
                  code.intValue(),
                  Json.string(error, "message").orElse(""),
                  Optional.ofNullable(error.get("data")))));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  static void decode(byte[] body, UpstreamListener listener, Optional<JsonValue> related) {
    if (body.length == 0) {
      return;
    }
    for (var entry : JsonRpcCodec.decode(body).entries()) {
      if (entry instanceof DecodedBody.Valid(JsonRpcMessage message)) {
        listener.received(message, related);
      } else {
        LOG.warn("upstream sent something that is not JSON-RPC: {}", entry);
      }
    }
  }
}
