package io.mcpoperator.mcp.transport;

import java.time.Duration;
import java.util.Optional;

/**
 * Admission of client requests before they run, e.g. a rate limit. The transport asks once per
 * JSON-RPC request, naming the client by its session ({@code session:<id>}) or, for a client
 * without one (2026-07-28, initialize), by its address ({@code address:<ip>}); a refusal is
 * answered with HTTP 429 and {@code Retry-After}.
 */
@FunctionalInterface
public interface RequestThrottle {
  RequestThrottle NONE = client -> Optional.empty();

  /** Empty to admit one request of {@code client}; else why not. */
  Optional<Refusal> admit(String client);

  /**
   * A refused request.
   *
   * @param retryAfter how long until the client may send again
   * @param limit the limit that refused, as the error message names it
   */
  record Refusal(Duration retryAfter, String limit) {}
}
