package io.mcpoperator.operator.status;

/**
 * Where a server stands: its phase with a message for the user, and the Ready and Progressing
 * conditions that go with it.
 */
record Assessment(
    String phase,
    String message,
    boolean ready,
    String readyReason,
    boolean progressing,
    String progressingReason) {

  static final String PENDING = "Pending";
  static final String RUNNING = "Running";
  static final String DEGRADED = "Degraded";
  static final String FAILED = "Failed";
  static final String TERMINATING = "Terminating";

  /** Not ready, with the same reason for both conditions. */
  static Assessment notReady(String phase, String message, boolean progressing, String reason) {
    return new Assessment(phase, message, false, reason, progressing, reason);
  }
}
