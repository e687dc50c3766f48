package io.mcpoperator.mcp.transport;

import io.mcpoperator.mcp.jsonrpc.JsonRpcMessage;
import io.mcpoperator.mcp.session.ClientSession;
import io.mcpoperator.mcp.session.SessionRecord;
import java.util.Optional;

/** Who sent a POST's messages: a client of a session, or a stateless (2026-07-28) client. */
sealed interface Caller {

  /** The session whose rate limit counts the requests; empty: the client's address counts. */
  Optional<String> sessionId();

  /** The revision the messages are served under. */
  String protocolVersion();

  /** The client as the backend sees it while serving {@code message}. */
  ClientSession client(JsonRpcMessage message);

  /** A client of an initialized session (Streamable HTTP or legacy HTTP+SSE). */
  record InSession(SessionRecord record) implements Caller {
    @Override
    public Optional<String> sessionId() {
      return Optional.of(record.id());
    }

    @Override
    public String protocolVersion() {
      return record.protocolVersion();
    }

    @Override
    public ClientSession client(JsonRpcMessage message) {
      return record.client();
    }
  }

  /**
   * A 2026-07-28 client, which has no session: each message carries its revision, client info and
   * capabilities in {@code _meta}; {@code headerVersion} is its {@code MCP-Protocol-Version}.
   */
  record Stateless(String headerVersion) implements Caller {
    @Override
    public Optional<String> sessionId() {
      return Optional.empty();
    }

    @Override
    public String protocolVersion() {
      return headerVersion;
    }

    @Override
    public ClientSession client(JsonRpcMessage message) {
      return StreamablePost.statelessClient(message, headerVersion);
    }
  }
}
