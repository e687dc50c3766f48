package io.mcpoperator.operator.mcpregistry;

import io.kubernetes.client.openapi.models.V1EnvVar;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Translates an OCI package's {@code runtimeArguments}, which are {@code docker run} flags: {@code
 * -e/--env K=V} become env vars; {@code run}, the image positional and {@code -i}, {@code -t},
 * {@code --rm}, {@code -d}, {@code --init} mean nothing in a pod and are dropped; any other flag
 * ({@code -v}, {@code --network}, {@code -p}, ...) is dropped with a RuntimeArgumentIgnored
 * warning.
 */
final class DockerRuntimeArguments {
  static final String IGNORED = "RuntimeArgumentIgnored";
  private static final Set<String> MEANINGLESS =
      Set.of("-i", "--interactive", "-t", "--tty", "--rm", "-d", "--detach", "--init", "-it");
  private static final Set<String> ENV = Set.of("-e", "--env");

  private DockerRuntimeArguments() {}

  /** The env vars the arguments set, in order; warnings for what was dropped. */
  static List<V1EnvVar> env(
      List<RegistryEntry.Argument> arguments, String imageRepository, Rendering rendering) {
    List<V1EnvVar> env = new ArrayList<>();
    boolean first = true;
    for (RegistryEntry.Argument argument : arguments) {
      boolean atStart = first;
      first = false;
      if ("positional".equals(argument.type())) {
        if (!imagePositional(argument, imageRepository)
            && !(atStart && "run".equals(argument.value()))) {
          rendering.warn(
              IGNORED, "docker argument " + describe(argument) + " has no pod equivalent; ignored");
        }
        continue;
      }
      String flag = argument.name() == null ? "" : argument.name();
      if (MEANINGLESS.contains(flag)) {
        continue;
      }
      if (ENV.contains(flag)) {
        envVar(argument, rendering).ifPresent(env::add);
        continue;
      }
      rendering.warn(
          IGNORED, "docker flag " + describe(argument) + " has no pod equivalent; ignored");
    }
    return env;
  }

  private static java.util.Optional<V1EnvVar> envVar(
      RegistryEntry.Argument argument, Rendering rendering) {
    String template = argument.value();
    if (template == null) {
      String name = ArgumentList.key(argument);
      return rendering.value(name, Declared.of(argument)).map(v -> Rendering.env(name, v));
    }
    int eq = template.indexOf('=');
    if (eq < 0) {
      return rendering
          .value(
              template,
              new Declared(
                  argument.required(), argument.secret(), null, null, argument.variables()))
          .map(v -> Rendering.env(template, v));
    }
    String name = template.substring(0, eq);
    return rendering
        .template(template.substring(eq + 1), argument.variables(), argument.required())
        .map(v -> Rendering.env(name, v));
  }

  private static boolean imagePositional(RegistryEntry.Argument argument, String repository) {
    return "image_name".equals(argument.valueHint())
        || "image".equals(argument.valueHint())
        || (argument.value() != null && argument.value().startsWith(repository));
  }

  private static String describe(RegistryEntry.Argument argument) {
    String name = argument.name() == null ? "" : argument.name();
    String value = argument.value() == null ? "" : argument.value();
    return (name + " " + value).trim();
  }
}
