package io.mcpoperator.gateway.upstream;

import io.mcpoperator.mcp.jsonrpc.JsonRpcMessage;
import jakarta.json.JsonValue;
import java.util.Optional;

/** What an {@link Upstream} reports. Calls come from the upstream's reader thread. */
public interface UpstreamListener {

  /** A new connection is up and needs the initialize handshake. */
  void connected();

  /**
   * A message from the server.
   *
   * @param relatedRequestId the id of our request whose response stream carried the message (HTTP
   *     upstreams), when known
   */
  void received(JsonRpcMessage message, Optional<JsonValue> relatedRequestId);

  /** The connection is gone; requests in flight on it will get no answer. */
  void disconnected(String reason);
}
