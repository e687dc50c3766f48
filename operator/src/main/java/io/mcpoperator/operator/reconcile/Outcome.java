package io.mcpoperator.operator.reconcile;

import java.util.Locale;

/** How one reconcile of an MCPServer ended, as its log line names it ({@code outcome=...}). */
enum Outcome {
  APPLIED,
  UNCHANGED,
  RESOLVING_IMAGE,
  IMAGE_UNRESOLVED,
  REGISTRY_UNRESOLVED,
  AUTH_UNRESOLVED,
  INVALID_SPEC,
  REQUEUED,
  DELETING,
  WAITING_FOR_PODS,
  FINALIZER_RELEASED,
  FINALIZER_RELEASED_TIMEOUT,
  /** The MCPServer no longer exists. */
  GONE;

  /** The log word: {@code waiting-for-pods}. */
  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
