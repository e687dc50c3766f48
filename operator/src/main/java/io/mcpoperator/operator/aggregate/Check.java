package io.mcpoperator.operator.aggregate;

/**
 * One finding about an aggregated object, shown as a status condition.
 *
 * @param type the condition type, e.g. {@code ServiceResolved}
 * @param ok whether the condition holds
 * @param reason a CamelCase reason, e.g. {@code ServiceNotFound}
 * @param message what was found, and what to fix when it does not hold
 */
public record Check(String type, boolean ok, String reason, String message) {

  /** The condition type every aggregated object has. */
  public static final String READY = "Ready";

  public static Check ok(String type, String message) {
    return new Check(type, true, type, message);
  }

  public static Check failed(String type, String reason, String message) {
    return new Check(type, false, reason, message);
  }
}
