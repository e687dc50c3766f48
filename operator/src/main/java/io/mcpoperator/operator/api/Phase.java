package io.mcpoperator.operator.api;

import java.util.Arrays;
import java.util.Optional;

/**
 * Where an MCPServer stands, as {@code status.phase}: the words are the CRD's enum, printed by
 * {@code kubectl get mcpservers} and used as the {@code phase} tag of {@code mcp_operator_servers}.
 */
public enum Phase {
  PENDING("Pending"),
  RUNNING("Running"),
  DEGRADED("Degraded"),
  FAILED("Failed"),
  TERMINATING("Terminating");

  private final String word;

  Phase(String word) {
    this.word = word;
  }

  /** The word written to {@code status.phase}: {@code Running}. */
  public String word() {
    return word;
  }

  /** The phase a stored {@code status.phase} names; empty for a word that is not a phase. */
  public static Optional<Phase> of(String word) {
    return Arrays.stream(values()).filter(p -> p.word.equals(word)).findFirst();
  }

  @Override
  public String toString() {
    return word;
  }
}
