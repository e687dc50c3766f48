package io.mcpoperator.operator.api;

import java.util.Objects;
import java.util.Optional;

/** The outcome of parsing an MCPServer: a usable server, or the user's error with what to fix. */
public sealed interface ParsedServer permits ParsedServer.Valid, ParsedServer.Invalid {

  ResourceMeta meta();

  Optional<McpServerStatus> previousStatus();

  /** A server whose spec can be turned into children. */
  record Valid(McpServer server) implements ParsedServer {
    public Valid {
      Objects.requireNonNull(server, "server");
    }

    @Override
    public ResourceMeta meta() {
      return server.meta();
    }

    @Override
    public Optional<McpServerStatus> previousStatus() {
      return server.status();
    }
  }

  /** A server whose spec cannot be used; {@code message} names the field and says what to fix. */
  record Invalid(ResourceMeta meta, Optional<McpServerStatus> previousStatus, String message)
      implements ParsedServer {
    public Invalid {
      Objects.requireNonNull(meta, "meta");
      previousStatus = previousStatus == null ? Optional.empty() : previousStatus;
      Objects.requireNonNull(message, "message");
    }
  }
}
