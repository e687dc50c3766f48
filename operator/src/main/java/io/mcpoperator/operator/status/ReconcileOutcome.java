package io.mcpoperator.operator.status;

/** The result of the apply step: whether the children were written as desired. */
public record ReconcileOutcome(boolean applied, String reason, String message) {
  private static final ReconcileOutcome OK =
      new ReconcileOutcome(true, "Applied", "all children are up to date");

  public static ReconcileOutcome ok() {
    return OK;
  }

  /**
   * A failed apply.
   *
   * @param reason a CamelCase reason such as {@code ApplyFailed} or {@code Forbidden}
   * @param message what went wrong, for the user
   */
  public static ReconcileOutcome failed(String reason, String message) {
    return new ReconcileOutcome(false, reason, message);
  }
}
