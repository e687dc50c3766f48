package io.mcpoperator.operator.api;

/** A spec the operator cannot use; the message names the field and says what to fix. */
final class InvalidSpecException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  InvalidSpecException(String message) {
    super(message, null, false, false);
  }
}
