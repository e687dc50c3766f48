package io.mcpoperator.operator.mcpregistry;

import java.util.Map;
import java.util.Optional;

/**
 * The user's values for an entry's inputs (arguments by {@code valueHint} or flag name, env vars
 * and headers by name, template variables by name), and {@code secretName}: the Secret that secret
 * inputs not given explicitly are read from, key = input name.
 */
public record Inputs(Map<String, InputValue> values, Optional<String> secretName) {

  public Inputs {
    values = Map.copyOf(values);
  }

  public static Inputs none() {
    return new Inputs(Map.of(), Optional.empty());
  }

  public Optional<InputValue> get(String name) {
    return Optional.ofNullable(values.get(name));
  }
}
