package io.mcpoperator.gateway.config;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * What the gateway takes from its process besides the command line and the configuration file, read
 * once by {@code Main} and passed down: the environment variables (forwarded headers, the Redis
 * password, the MCPTools' Secret headers) and the {@value #SPIN_PROPERTY} system property. Nothing
 * below {@code Main} reads the process environment or system properties itself.
 *
 * @param variables the environment variables
 * @param maxSpin the longest a request thread spins for a fast upstream's answer (0: never)
 */
public record Environment(Map<String, String> variables, Duration maxSpin) {
  /** System property: the spin limit in microseconds ({@code 0} turns spinning off). */
  public static final String SPIN_PROPERTY = "mcp.gateway.spinMicros";

  /** The spin limit when {@value #SPIN_PROPERTY} is not set. */
  public static final Duration DEFAULT_MAX_SPIN = Duration.ofNanos(200_000);

  public Environment {
    variables = Map.copyOf(variables);
    if (maxSpin.isNegative()) {
      throw new IllegalArgumentException("maxSpin must not be negative, got " + maxSpin);
    }
  }

  /** No variables, the default spin (tests, the AOT training run). */
  public static Environment empty() {
    return new Environment(Map.of(), DEFAULT_MAX_SPIN);
  }

  /**
   * The environment {@code variables} and {@code properties} (system properties) describe.
   *
   * @throws IllegalArgumentException when {@value #SPIN_PROPERTY} is not a whole number of
   *     microseconds of 0 or more
   */
  public static Environment of(Map<String, String> variables, Function<String, String> properties) {
    return new Environment(variables, spin(Optional.ofNullable(properties.apply(SPIN_PROPERTY))));
  }

  private static Duration spin(Optional<String> micros) {
    if (micros.isEmpty()) {
      return DEFAULT_MAX_SPIN;
    }
    try {
      long value = Long.parseLong(micros.get().strip());
      if (value >= 0) {
        return Duration.ofNanos(value * 1_000);
      }
    } catch (NumberFormatException e) {
      // the message below says what is wrong
    }
    throw new IllegalArgumentException(
        "-D"
            + SPIN_PROPERTY
            + " must be a whole number of microseconds (0 turns spinning off), got "
            + micros.get());
  }

  /** Variable {@code name}, when set. */
  public Optional<String> variable(String name) {
    return Optional.ofNullable(variables.get(name));
  }
}
