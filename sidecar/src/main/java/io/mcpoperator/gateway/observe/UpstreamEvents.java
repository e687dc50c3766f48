package io.mcpoperator.gateway.observe;

/** Upstream lifecycle, for metrics and readiness. */
public interface UpstreamEvents {
  UpstreamEvents NONE = new UpstreamEvents() {};

  /** A connection finished the initialize handshake. */
  default void initialized() {}

  /** A connection was lost (crash, restart, network). */
  default void disconnected() {}

  /**
   * An answer from the upstream matched no request in flight: {@code reason} is {@code no_id} (an
   * answer without a usable id, with more than one request it could belong to) or {@code
   * unknown_id} (e.g. a late answer to a request that timed out or was cancelled).
   */
  default void unmatched(String reason) {}
}
