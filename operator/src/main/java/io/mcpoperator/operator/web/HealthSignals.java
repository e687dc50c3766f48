package io.mcpoperator.operator.web;

/** What {@code /observe/health} reports about the operator. */
public interface HealthSignals {

  /** False when the process should be restarted. */
  boolean live();

  /** True when caches have synced (leader) or when standing by healthily (non-leader). */
  boolean ready();

  /** {@code leader} or {@code standby}. */
  String role();
}
