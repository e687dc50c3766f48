package io.mcpoperator.gateway.upstream;

import java.util.Optional;

/** The HTTP headers of the client request a message is sent upstream for. */
@FunctionalInterface
public interface ClientHeaders {

  /** For messages the gateway sends on its own behalf. */
  ClientHeaders NONE = name -> Optional.empty();

  /** The value of header {@code name} (case-insensitive), when the client sent it. */
  Optional<String> value(String name);
}
