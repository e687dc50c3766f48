package io.mcpoperator.gateway.proxy;

/** Upstream lifecycle, for metrics and readiness. */
public interface UpstreamEvents {
  UpstreamEvents NONE = new UpstreamEvents() {};

  /** A connection finished the initialize handshake. */
  default void initialized() {}

  /** A connection was lost (crash, restart, network). */
  default void disconnected() {}
}
