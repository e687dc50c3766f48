package io.mcpoperator.operator.config;

import io.helidon.config.Config;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Typed reads of one setting: the environment variable first, then the config key. */
final class Settings {

  private static final Pattern SHORT_DURATION = Pattern.compile("(\\d+)(ms|s|m|h)");

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
    Duration parsed = parseDuration(value.get());
    if (parsed == null || parsed.isNegative() || parsed.isZero()) {
      throw invalid(envName, key, value.get(), "a positive duration such as 30s, 5m or PT1M");
    }
    return parsed;
  }

  private int integer(String envName, String key, int fallback) {
    Optional<String> value = string(envName, key);
    try {
      return value.map(Integer::parseInt).orElse(fallback);
    } catch (NumberFormatException e) {
      throw invalid(envName, key, value.orElseThrow(), "a whole number");
    }
  }

  private static Duration parseDuration(String text) {
    Matcher m = SHORT_DURATION.matcher(text);
    if (m.matches()) {
      long amount = Long.parseLong(m.group(1));
      return switch (m.group(2)) {
        case "ms" -> Duration.ofMillis(amount);
        case "s" -> Duration.ofSeconds(amount);
        case "m" -> Duration.ofMinutes(amount);
        default -> Duration.ofHours(amount);
      };
    }
    try {
      return Duration.parse(text);
    } catch (DateTimeParseException e) {
      return null;
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
