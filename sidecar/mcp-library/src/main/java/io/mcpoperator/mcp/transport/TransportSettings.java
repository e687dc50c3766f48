package io.mcpoperator.mcp.transport;

import java.util.concurrent.Semaphore;

/**
 * The limits and Origin policy in force; replaced as a whole when the configuration is reloaded. A
 * request keeps the concurrency permits of the settings it started under.
 */
public final class TransportSettings {
  private volatile Snapshot snapshot;

  /** One consistent set of settings. */
  record Snapshot(TransportLimits limits, OriginPolicy origins, Semaphore permits) {}

  public TransportSettings(TransportLimits limits, OriginPolicy origins) {
    update(limits, origins);
  }

  /** Applies new settings to requests that start from now on. */
  public void update(TransportLimits limits, OriginPolicy origins) {
    snapshot = new Snapshot(limits, origins, limits.permits());
  }

  Snapshot current() {
    return snapshot;
  }

  TransportLimits limits() {
    return snapshot.limits();
  }

  OriginPolicy origins() {
    return snapshot.origins();
  }
}
