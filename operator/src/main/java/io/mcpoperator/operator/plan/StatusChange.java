package io.mcpoperator.operator.plan;

import io.mcpoperator.operator.api.Condition;
import io.mcpoperator.operator.api.McpServerStatus;
import io.mcpoperator.operator.api.Phase;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What moving from the stored status to a new one means: whether it must be written, and the
 * Warning events that go with it, once per change rather than once per reconcile.
 *
 * @param changed false when the stored status is already equal (nothing is written)
 * @param warnings the Warning events to record
 */
public record StatusChange(boolean changed, List<Warning> warnings) {

  private static final String UNAVAILABLE = "AggregationUnavailable";

  public StatusChange {
    warnings = List.copyOf(warnings);
  }

  /** One Warning event. */
  public record Warning(String reason, String message) {}

  public static StatusChange between(Optional<McpServerStatus> stored, McpServerStatus status) {
    if (stored.equals(Optional.of(status))) {
      return new StatusChange(false, List.of());
    }
    List<Warning> warnings = new ArrayList<>();
    if (status.phase() == Phase.FAILED
        && !stored.map(McpServerStatus::phase).equals(Optional.of(Phase.FAILED))) {
      warnings.add(new Warning("Failed", Optional.ofNullable(status.message()).orElse("failed")));
    }
    Optional<Condition> now = unavailable(Optional.of(status));
    Optional<Condition> before = unavailable(stored);
    if (now.isPresent() && !before.map(Condition::reason).equals(now.map(Condition::reason))) {
      warnings.add(new Warning(UNAVAILABLE, now.get().message()));
    }
    return new StatusChange(true, warnings);
  }

  private static Optional<Condition> unavailable(Optional<McpServerStatus> status) {
    return status.stream()
        .flatMap(s -> s.conditions().stream())
        .filter(c -> "Aggregated".equals(c.type()) && UNAVAILABLE.equals(c.reason()))
        .findFirst();
  }
}
