package io.mcpoperator.mcp.transport;

import io.mcpoperator.mcp.McpProtocol;
import io.mcpoperator.mcp.session.SessionStore;
import io.mcpoperator.mcp.session.StoredEvent;
import java.util.Optional;

/**
 * Where the SSE events of one logical stream are recorded: a stream of a session in the store (so a
 * client can resume it with {@code Last-Event-ID}), or nowhere for stateless requests.
 */
record StreamTarget(
    Optional<String> sessionId, String streamId, String protocolVersion, SessionStore store) {

  /** Event id of the priming event: sequence 0, "before the first event" of the stream. */
  String primingId() {
    return streamId + ".0";
  }

  boolean primes() {
    return sessionId.isPresent() && McpProtocol.primesStreams(protocolVersion);
  }

  /** Records an event and returns its id (empty when the stream is not recorded). */
  Optional<String> record(String data, boolean last) {
    if (sessionId.isEmpty()) {
      return Optional.empty();
    }
    StoredEvent event = store.append(sessionId.get(), streamId, data, last);
    return Optional.of(event.id());
  }
}
