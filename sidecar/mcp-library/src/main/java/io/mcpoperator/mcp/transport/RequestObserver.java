package io.mcpoperator.mcp.transport;

import io.mcpoperator.mcp.jsonrpc.JsonRpcMessage;
import jakarta.json.JsonObject;

/** Told about every answered request and HTTP-level rejection (metrics). */
public interface RequestObserver {
  RequestObserver NONE = new RequestObserver() {};

  /** A JSON-RPC request got its response after {@code nanos}. */
  default void finished(
      String method, JsonObject params, JsonRpcMessage.Response response, long nanos) {}

  /** An HTTP request was refused before any JSON-RPC handling (status 4xx/5xx). */
  default void rejected(String httpMethod, int status) {}

  /** A connection was closed because its request body did not arrive within the body timeout. */
  default void bodyTimedOut() {}
}
