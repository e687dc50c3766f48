package io.mcpoperator.operator.image;

/** Reading from a registry failed; the message is meant for the user. */
final class RegistryException extends Exception {
  private final Resolution.Reason reason;

  RegistryException(Resolution.Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  Resolution.Reason reason() {
    return reason;
  }
}
