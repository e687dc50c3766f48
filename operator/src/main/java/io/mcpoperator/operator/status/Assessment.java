package io.mcpoperator.operator.status;

import io.mcpoperator.operator.api.Phase;

/**
 * Where a server stands: its phase with a message for the user, and the Ready and Progressing
 * conditions that go with it.
 */
record Assessment(
    Phase phase,
    String message,
    boolean ready,
    String readyReason,
    boolean progressing,
    String progressingReason) {

  /** Not ready, with the same reason for both conditions. */
  static Assessment notReady(Phase phase, String message, boolean progressing, String reason) {
    return new Assessment(phase, message, false, reason, progressing, reason);
  }
}
