package io.mcpoperator.k8stools.command;

/**
 * A request that cannot be carried out, with the error code and HTTP status the caller gets.
 *
 * <p>Thrown by the parsing, policy and preparation steps; the service turns it into a tool result.
 */
public final class ToolFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final ErrorCode code;
  private final int httpStatus;

  public ToolFailure(ErrorCode code, int httpStatus, String message) {
    super(message);
    this.code = code;
    this.httpStatus = httpStatus;
  }

  public static ToolFailure validation(String message) {
    return new ToolFailure(ErrorCode.VALIDATION_ERROR, 400, message);
  }

  public ErrorCode code() {
    return code;
  }

  public int httpStatus() {
    return httpStatus;
  }
}
