package io.mcpoperator.operator.reconcile;

import io.kubernetes.client.extended.controller.reconciler.Result;
import io.mcpoperator.operator.api.Phase;
import java.time.Duration;
import java.util.Optional;

/**
 * How one reconcile ended: the requeue decision, the outcome for the log, the phase written (if
 * known) and a detail for the user-visible problem.
 */
record Pass(
    Result result,
    Outcome outcome,
    Optional<Phase> phase,
    Optional<String> detail,
    boolean failed) {

  static Pass done(Outcome outcome, Phase phase) {
    return new Pass(new Result(false), outcome, Optional.of(phase), Optional.empty(), false);
  }

  static Pass invalid(Phase phase, String message) {
    return new Pass(
        new Result(false), Outcome.INVALID_SPEC, Optional.of(phase), Optional.of(message), false);
  }

  static Pass after(Duration delay, Outcome outcome, Phase phase) {
    return new Pass(new Result(true, delay), outcome, Optional.of(phase), Optional.empty(), false);
  }

  /** Failed: requeue with the work queue's exponential backoff. */
  static Pass retry(String detail) {
    return new Pass(
        new Result(true), Outcome.REQUEUED, Optional.empty(), Optional.of(detail), true);
  }

  static Pass retry(Phase phase, String detail) {
    return new Pass(
        new Result(true), Outcome.REQUEUED, Optional.of(phase), Optional.of(detail), true);
  }

  static Pass gone() {
    return new Pass(new Result(false), Outcome.GONE, Optional.empty(), Optional.empty(), false);
  }

  boolean isGone() {
    return outcome == Outcome.GONE;
  }
}
