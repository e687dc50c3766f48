package io.mcpoperator.operator.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcpoperator.operator.api.Condition;
import io.mcpoperator.operator.api.McpServerStatus;
import io.mcpoperator.operator.api.Phase;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A status is written only when it changed, and a Warning goes with a change, not a reconcile. */
class StatusChangeTest {
  private static final OffsetDateTime T0 = OffsetDateTime.parse("2026-12-07T12:00:00Z");

  private static McpServerStatus status(Phase phase, String message, Condition... conditions) {
    return new McpServerStatus(
        phase, 1, 0, 0, 1L, null, null, 0, 0, 0, message, List.of(conditions));
  }

  private static Condition unavailable(String message) {
    return new Condition("Aggregated", "False", 1, T0, "AggregationUnavailable", message);
  }

  @Test
  void anEqualStatusIsNotWritten() {
    McpServerStatus running = status(Phase.RUNNING, "all 1 of 1 replicas ready");

    StatusChange change = StatusChange.between(Optional.of(running), running);

    assertThat(change.changed()).isFalse();
    assertThat(change.warnings()).isEmpty();
  }

  @Test
  void turningFailedWarnsOnceWithTheMessage() {
    McpServerStatus failed = status(Phase.FAILED, "pods cannot start: x");

    StatusChange first = StatusChange.between(Optional.of(status(Phase.PENDING, "")), failed);
    StatusChange again =
        StatusChange.between(Optional.of(failed), status(Phase.FAILED, "pods cannot start: y"));

    assertThat(first.changed()).isTrue();
    assertThat(first.warnings())
        .containsExactly(new StatusChange.Warning("Failed", "pods cannot start: x"));
    assertThat(again.changed()).isTrue();
    assertThat(again.warnings()).isEmpty();
  }

  @Test
  void aggregationBecomingUnavailableWarnsOnce() {
    McpServerStatus before = status(Phase.RUNNING, "ok");
    McpServerStatus now = status(Phase.RUNNING, "ok", unavailable("CRD x is not installed"));

    assertThat(StatusChange.between(Optional.of(before), now).warnings())
        .containsExactly(
            new StatusChange.Warning("AggregationUnavailable", "CRD x is not installed"));
    assertThat(
            StatusChange.between(
                    Optional.of(now),
                    status(Phase.RUNNING, "changed", unavailable("CRD x is not installed")))
                .warnings())
        .isEmpty();
  }

  @Test
  void aFirstStatusIsWritten() {
    assertThat(StatusChange.between(Optional.empty(), status(Phase.PENDING, "")).changed())
        .isTrue();
  }
}
