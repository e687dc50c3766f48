package io.mcpoperator.gateway.upstream;

import io.helidon.http.HeaderNames;
import io.helidon.webclient.api.HttpClientResponse;
import io.mcpoperator.gateway.mcp.jsonrpc.DecodedBody;
import io.mcpoperator.gateway.mcp.jsonrpc.JsonRpcCodec;
import io.mcpoperator.gateway.mcp.jsonrpc.JsonRpcMessage;
import io.mcpoperator.gateway.mcp.sse.SseParser;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
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

  /** Hands every message of the body to {@code listener}, tagged with {@code related}. */
  static void deliver(
      HttpClientResponse response, UpstreamListener listener, Optional<JsonValue> related)
      throws IOException {
    try (InputStream in = response.inputStream()) {
      if (isEventStream(response)) {
        new SseParser(in)
            .forEach(
                event -> {
                  if (event.event().equals("message") && !event.data().isBlank()) {
                    decode(
                        event.data().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        listener,
                        related);
                  }
                });
      } else {
        decode(in.readAllBytes(), listener, related);
      }
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
