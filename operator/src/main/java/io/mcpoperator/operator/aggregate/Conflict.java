package io.mcpoperator.operator.aggregate;

/**
 * Two selected objects claim one name (or URI): {@code winner} is served, {@code loser} is not.
 *
 * @param what the contested key, e.g. {@code tool "get-weather"} or {@code resource URI docs://a}
 */
public record Conflict(String what, Source winner, Source loser) {

  /** {@code tool "x": MCPTool ns/b is not served (MCPTool ns/a, older, is)}. */
  public String describe() {
    return what + ": " + loser.describe() + " is not served (" + winner.describe() + ", older, is)";
  }
}
