package io.mcpoperator.gateway.config;

/**
 * A gateway configuration, or one of its tools[], prompts[] or resources[] entries, the gateway
 * cannot use; the message names the field and what was expected. A bad document is refused (the
 * gateway does not start, or keeps the configuration it has); a bad entry is skipped.
 */
public final class InvalidConfigException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public InvalidConfigException(String message) {
    super(message);
  }
}
