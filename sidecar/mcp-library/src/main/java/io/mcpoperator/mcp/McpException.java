package io.mcpoperator.mcp;

import io.mcpoperator.mcp.jsonrpc.JsonRpcError;

/** A request failed with a JSON-RPC error that is sent to the client as is. */
public class McpException extends Exception {
  private static final long serialVersionUID = 1L;
  private final transient JsonRpcError error;

  public McpException(JsonRpcError error) {
    super(error.message());
    this.error = error;
  }

  public McpException(int code, String message) {
    this(JsonRpcError.of(code, message));
  }

  public JsonRpcError error() {
    return error;
  }
}
