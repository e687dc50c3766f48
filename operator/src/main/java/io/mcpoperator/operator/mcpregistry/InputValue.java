package io.mcpoperator.operator.mcpregistry;

import io.mcpoperator.operator.api.SecretKeyRef;

/** A value the user gives for an input an entry declares: literal text, or a Secret's key. */
public sealed interface InputValue {
  /** Literal text; refused for inputs the entry marks secret. */
  record Literal(String text) implements InputValue {}

  /** A key of a Secret in the MCPServer's namespace. */
  record FromSecret(SecretKeyRef ref) implements InputValue {}
}
