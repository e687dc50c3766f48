package io.mcpoperator.operator.mcpregistry;

/** A registry request failed; {@link #kind()} says how, the message is meant for the user. */
public final class RegistryApiException extends Exception {

  /** How a request failed. */
  public enum Kind {
    /** HTTP 404: the server or version does not exist. */
    NOT_FOUND,
    /** Unreachable, timed out, or a 5xx/429 answer: worth retrying later. */
    UNAVAILABLE,
    /** An answer that is not the v0.1 API's JSON, or another 4xx. */
    INVALID_DATA
  }

  private final Kind kind;

  public RegistryApiException(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
