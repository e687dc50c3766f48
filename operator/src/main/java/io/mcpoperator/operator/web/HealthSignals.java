package io.mcpoperator.operator.web;

import java.util.List;

/** What {@code /observe/health} reports about the operator. */
public interface HealthSignals {

  /** False when the process should be restarted. */
  boolean live();

  /** True when caches have synced (leader) or when standing by healthily (non-leader). */
  boolean ready();

  /**
   * The CRDs of the operator's kinds that are not installed (a leader knows; a standby says none).
   * Without the MCPServer CRD the operator is not ready; without the others it is, and says so.
   */
  default List<String> missingCrds() {
    return List.of();
  }

  /** {@code leader} or {@code standby}. */
  String role();
}
