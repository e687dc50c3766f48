package io.mcpoperator.operator.status;

import io.mcpoperator.operator.aggregate.Aggregation;
import io.mcpoperator.operator.aggregate.Conflict;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code Aggregated} condition of a server with a {@code toolSelector}: True when everything it
 * selects is served; False with reason {@code AggregationUnavailable} (a selected kind cannot be
 * read, e.g. its CRD is not installed), {@code NameConflict} (losers listed), {@code
 * ShadowedByUpstream} (aggregated items the upstream server hides, as its gateway last reported) or
 * {@code SelectedNotReady} (objects and their reasons listed), in that order of precedence; the
 * message lists every problem. It does not change the phase: the gateway still serves the rest.
 */
final class AggregatedCondition {
  static final String TYPE = "Aggregated";
  static final String UNAVAILABLE = "AggregationUnavailable";

  private AggregatedCondition() {}

  static void set(
      Conditions conditions,
      Aggregation aggregation,
      Optional<Shadowed> shadowed,
      List<String> unavailableKinds) {
    if (!aggregation.selecting()) {
      return;
    }
    String serving =
        "serving %s, %s, %s"
            .formatted(
                count(aggregation.tools().size(), "tool"),
                count(aggregation.prompts().size(), "prompt"),
                count(aggregation.resources().size(), "resource"));
    List<String> problems = new ArrayList<>(unavailableKinds);
    aggregation.conflicts().stream().map(Conflict::describe).forEach(problems::add);
    Optional<Shadowed> hidden = shadowed.filter(s -> !s.isEmpty());
    hidden.map(Shadowed::describe).ifPresent(problems::add);
    aggregation.notReady().stream().map(Aggregation.NotReady::describe).forEach(problems::add);
    if (problems.isEmpty()) {
      conditions.set(TYPE, true, "AllSelectedServed", serving);
      return;
    }
    String reason =
        !unavailableKinds.isEmpty()
            ? UNAVAILABLE
            : !aggregation.conflicts().isEmpty()
                ? "NameConflict"
                : hidden.isPresent() ? "ShadowedByUpstream" : "SelectedNotReady";
    conditions.set(TYPE, false, reason, serving + "; not served: " + String.join("; ", problems));
  }

  private static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
