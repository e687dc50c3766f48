package io.mcpoperator.mcp;

import io.mcpoperator.mcp.jsonrpc.JsonRpcMessage;
import io.mcpoperator.mcp.session.ClientSession;
import io.mcpoperator.mcp.transport.McpHttpEndpoint;
import jakarta.json.JsonObject;

/**
 * What an MCP server implements to be served by {@link McpHttpEndpoint}. The transport handles the
 * protocol around it: initialize and version negotiation, sessions, {@code ping}, {@code
 * logging/setLevel}, cancellation, timeouts, JSON-vs-SSE responses and resumability.
 *
 * <p>{@link #handle} runs on its own virtual thread and may block.
 */
public interface McpBackend {

  /**
   * Server info, capabilities and instructions for initialize and {@code server/discover}.
   *
   * @throws McpException when the server cannot answer yet (e.g. its upstream is not ready)
   */
  ServerIdentity identity() throws McpException;

  /**
   * Handles one client request other than initialize, ping and logging/setLevel, and returns its
   * {@code result} object.
   *
   * @throws McpException to answer with a JSON-RPC error; unknown methods should throw {@link
   *     io.mcpoperator.mcp.jsonrpc.JsonRpcError#METHOD_NOT_FOUND}
   */
  JsonObject handle(McpRequest request) throws McpException;

  /**
   * A client notification other than {@code notifications/initialized} and {@code
   * notifications/cancelled} (e.g. {@code notifications/roots/list_changed}).
   */
  default void onNotification(ClientSession session, JsonRpcMessage.Notification notification) {}

  /** A session was created by initialize. */
  default void onSessionStart(ClientSession session) {}

  /** A session ended (DELETE, idle timeout noticed on access). */
  default void onSessionEnd(String sessionId) {}

  /** Called once when the endpoint is built: the channel for server-initiated messages. */
  default void bind(McpClients clients) {}
}
