package io.mcpoperator.operator.mcpregistry;

import java.util.ArrayList;
import java.util.List;

/**
 * Renders an entry's {@code packageArguments} (or npx/uvx {@code runtimeArguments}) as argv:
 * positional as the value, named as {@code --flag value} (or the flag alone when it declares no
 * value). An argument whose value does not resolve is left out (and recorded when required).
 */
final class ArgumentList {
  private ArgumentList() {}

  static List<String> render(List<RegistryEntry.Argument> arguments, Rendering rendering) {
    List<String> argv = new ArrayList<>();
    for (RegistryEntry.Argument argument : arguments) {
      String key = key(argument);
      Declared declared = Declared.of(argument);
      boolean named = "named".equals(argument.type());
      if (named
          && declared.value() == null
          && argument.valueHint() == null
          && declared.defaultValue() == null) {
        argv.add(argument.name());
        continue;
      }
      rendering
          .value(key, declared)
          .ifPresent(
              value -> {
                if (named) {
                  argv.add(argument.name());
                }
                argv.add(rendering.argument(key, value));
              });
    }
    return argv;
  }

  /** The input name of an argument: its {@code valueHint}, else its flag without dashes. */
  static String key(RegistryEntry.Argument argument) {
    if (argument.valueHint() != null && !argument.valueHint().isBlank()) {
      return argument.valueHint();
    }
    return argument.name() == null ? null : argument.name().replaceFirst("^-+", "");
  }
}
