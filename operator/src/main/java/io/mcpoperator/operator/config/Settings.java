package io.mcpoperator.operator.config;

import io.helidon.config.Config;
import io.mcpoperator.operator.api.DurationParser;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Typed reads of one setting: the environment variable first, then the config key. */
final class Settings {

  private final Config config;
  private final Map<String, String> env;

  Settings(Config config, Map<String, String> env) {
    this.config = config;
    this.env = env;
  }

  Optional<String> string(String envName, String key) {
    String fromEnv = env.get(envName);
    if (fromEnv != null && !fromEnv.isBlank()) {
      return Optional.of(fromEnv.strip());
    }
    return config.get(key).asString().asOptional().map(String::strip).filter(v -> !v.isEmpty());
  }

  int port(String envName, String key, int fallback) {
    int port = integer(envName, key, fallback);
    if (port < 1 || port > 65535) {
      throw invalid(envName, key, String.valueOf(port), "a port between 1 and 65535");
    }
    return port;
  }

  int positive(String envName, String key, int fallback) {
    int value = integer(envName, key, fallback);
    if (value < 1) {
      throw invalid(envName, key, String.valueOf(value), "a positive number");
    }
    return value;
  }

  boolean bool(String envName, String key, boolean fallback) {
    return string(envName, key)
        .map(
            v ->
                switch (v.toLowerCase(Locale.ROOT)) {
                  case "true" -> true;
                  case "false" -> false;
                  default -> throw invalid(envName, key, v, "true or false");
                })
        .orElse(fallback);
  }

  Duration duration(String envName, String key, Duration fallback) {
    Optional<String> value = string(envName, key);
    if (value.isEmpty()) {
      return fallback;
    }
    return DurationParser.parse(value.get())
        .filter(parsed -> !parsed.isZero())
        .orElseThrow(
            () ->
                invalid(
                    envName,
                    key,
                    value.get(),
                    "a positive duration such as 30s, 1m30s or 500ms (units h, m, s, ms, us, ns,"
                        + " as in Kubernetes and the MCPServer fields)"));
  }

  private int integer(String envName, String key, int fallback) {
    Optional<String> value = string(envName, key);
    try {
      return value.map(Integer::parseInt).orElse(fallback);
    } catch (NumberFormatException e) {
      throw invalid(envName, key, value.orElseThrow(), "a whole number");
    }
  }

  private static IllegalArgumentException invalid(
      String envName, String key, String value, String expected) {
    return new IllegalArgumentException(
        "invalid setting "
            + envName
            + " (operator."
            + key
            + ") = \""
            + value
            + "\": expected "
            + expected);
  }
}
