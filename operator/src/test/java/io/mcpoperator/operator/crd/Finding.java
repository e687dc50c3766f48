package io.mcpoperator.operator.crd;

/**
 * One result of a ported operator-framework rule, as {@code operator-sdk bundle validate} or {@code
 * operator-sdk scorecard} would print it.
 *
 * @param severity ERROR and WARNING are what {@code bundle validate} prints as such; scorecard's
 *     failed state is an ERROR, its suggestions are SUGGESTION
 * @param rule the upstream rule it ports, e.g. {@code good-practices/validateHubChannels}
 * @param message what is wrong, with the field or file
 */
record Finding(Severity severity, String rule, String message) {
  enum Severity {
    ERROR,
    WARNING,
    SUGGESTION
  }

  static Finding error(String rule, String message) {
    return new Finding(Severity.ERROR, rule, message);
  }

  static Finding warning(String rule, String message) {
    return new Finding(Severity.WARNING, rule, message);
  }

  static Finding suggestion(String rule, String message) {
    return new Finding(Severity.SUGGESTION, rule, message);
  }

  boolean blocking() {
    return severity != Severity.SUGGESTION;
  }

  @Override
  public String toString() {
    return severity + " [" + rule + "] " + message;
  }
}
