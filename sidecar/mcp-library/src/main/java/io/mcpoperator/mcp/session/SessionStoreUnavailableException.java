package io.mcpoperator.mcp.session;

/** The session store's backing service cannot be reached right now. */
public class SessionStoreUnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public SessionStoreUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
