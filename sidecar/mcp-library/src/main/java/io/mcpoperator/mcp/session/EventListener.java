package io.mcpoperator.mcp.session;

/** Receives the live events of one stream of one session. */
public interface EventListener {

  /** An event was appended to the stream. Must not block. */
  void onEvent(StoredEvent event);

  /** The subscription ended: the session was deleted, or another connection took the stream. */
  void onClosed();
}
