package io.mcpoperator.gateway.upstream;

import io.mcpoperator.mcp.jsonrpc.JsonRpcMessage;
import java.io.IOException;

/**
 * A message channel to the one upstream MCP server of this gateway. It connects by itself,
 * reconnects with backoff when the server goes away, and reports each (re)connection, so the caller
 * can initialize the new connection.
 */
public interface Upstream extends AutoCloseable {

  /** Starts connecting; events go to {@code listener}. Called once. */
  void start(UpstreamListener listener);

  /**
   * Sends a message.
   *
   * @throws IOException when there is no live connection
   */
  void send(JsonRpcMessage message) throws IOException;

  /**
   * Sends a client's request; an HTTP upstream passes the {@link ForwardedHeaders} of {@code
   * client} on with it, other upstreams have nowhere to put them.
   *
   * @throws IOException when there is no live connection
   */
  default void send(JsonRpcMessage message, ClientHeaders client) throws IOException {
    send(message);
  }

  /**
   * Sends a client's request, as {@link #send(JsonRpcMessage, ClientHeaders)} does. An upstream
   * that answers on the request's own connection (Streamable HTTP) may run the whole exchange on
   * the calling thread, handing the answer to its listener before it returns: one thread hand-off
   * less per call. The caller must be ready for the answer (its route open) before it calls.
   *
   * @throws IOException when there is no live connection
   */
  default void call(JsonRpcMessage.Request request, ClientHeaders client) throws IOException {
    send(request, client);
  }

  /** For logs: what this upstream is. */
  String describe();

  /** Disconnects for good (stops a spawned process). */
  @Override
  void close();
}
