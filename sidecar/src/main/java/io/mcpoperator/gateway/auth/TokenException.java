package io.mcpoperator.gateway.auth;

/**
 * A token the gateway cannot accept ({@link #unavailable}: because the issuer's keys are out of
 * reach).
 */
final class TokenException extends Exception {
  private static final long serialVersionUID = 1L;
  private final boolean unavailable;

  TokenException(String message, boolean unavailable, Throwable cause) {
    super(message, cause);
    this.unavailable = unavailable;
  }

  /** True when the keys could not be fetched: not the client's fault (503). */
  boolean unavailable() {
    return unavailable;
  }
}
