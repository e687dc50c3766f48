package io.mcpoperator.operator.mcpregistry;

import java.util.Map;

/**
 * What an entry declares about one input, whatever holds it (an argument, an env var, a header, a
 * template variable): required, secret, a fixed value (may hold {@code {var}}), a default.
 */
record Declared(
    boolean required,
    boolean secret,
    String value,
    String defaultValue,
    Map<String, RegistryEntry.Input> variables) {

  static final Declared UNDECLARED = new Declared(false, false, null, null, Map.of());

  static Declared of(RegistryEntry.Input input) {
    return input == null
        ? UNDECLARED
        : new Declared(
            input.required(),
            input.secret(),
            input.value(),
            input.defaultValue(),
            input.variables());
  }

  static Declared of(RegistryEntry.Argument argument) {
    return new Declared(
        argument.required(),
        argument.secret(),
        argument.value(),
        argument.defaultValue(),
        argument.variables());
  }
}
