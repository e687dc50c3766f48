package io.mcpoperator.mcp.transport;

import io.mcpoperator.mcp.jsonrpc.JsonRpcMessage;

/** Where the messages of a request (or of a session's standalone stream) go. */
public interface Outbox {

  /**
   * Queues a message for the client.
   *
   * @param last true for the final response of a request
   */
  void send(JsonRpcMessage message, boolean last);
}
