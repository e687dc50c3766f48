package io.mcpoperator.operator.status;

import io.mcpoperator.operator.api.Condition;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The one place conditions are set: each carries the generation it describes, and keeps its
 * previous {@code lastTransitionTime} while its status value stays the same.
 */
final class Conditions {
  static final String READY = "Ready";
  static final String AVAILABLE = "Available";
  static final String PROGRESSING = "Progressing";
  static final String RECONCILED = "Reconciled";

  private final List<Condition> previous;
  private final long generation;
  private final OffsetDateTime now;
  private final List<Condition> result = new ArrayList<>();

  Conditions(List<Condition> previous, long generation, OffsetDateTime now) {
    this.previous = previous;
    this.generation = generation;
    this.now = Condition.normalize(now);
  }

  /** Longest message the CRD accepts for a condition. */
  static final int MAX_MESSAGE = 32768;

  private static final Pattern REASON = Pattern.compile("[A-Za-z]([A-Za-z0-9_,:]*[A-Za-z0-9_])?");

  /** Sets a condition; set each type once, in the order they should appear. */
  Conditions set(String type, boolean status, String reason, String message) {
    String value = status ? "True" : "False";
    reason = reason(reason);
    message = truncate(message);
    OffsetDateTime since =
        previous.stream()
            .filter(c -> c.type().equals(type) && c.status().equals(value))
            .map(Condition::lastTransitionTime)
            .filter(t -> t != null)
            .findFirst()
            .orElse(now);
    result.add(new Condition(type, value, generation, since, reason, message));
    return this;
  }

  /** A reason the API accepts: CamelCase letters, digits, '_', ',' and ':'. */
  static String reason(String reason) {
    if (reason != null && REASON.matcher(reason).matches()) {
      return reason;
    }
    String cleaned = reason == null ? "" : reason.replaceAll("[^A-Za-z0-9_]", "");
    cleaned = cleaned.replaceFirst("^[^A-Za-z]+", "");
    return cleaned.isEmpty() ? "Unknown" : cleaned;
  }

  /** The message, cut to what the API accepts. */
  static String truncate(String message) {
    String suffix = " ... (truncated)";
    if (message == null) {
      return "";
    }
    return message.length() <= MAX_MESSAGE
        ? message
        : message.substring(0, MAX_MESSAGE - suffix.length()) + suffix;
  }

  List<Condition> list() {
    return List.copyOf(result);
  }
}
