package io.mcpoperator.operator.plan;

import io.mcpoperator.operator.aggregate.Aggregation;
import io.mcpoperator.operator.aggregate.Aggregator;
import io.mcpoperator.operator.api.McpServer;
import io.mcpoperator.operator.api.McpServerStatus;
import io.mcpoperator.operator.api.ParsedServer;
import io.mcpoperator.operator.api.ResourceMeta;
import io.mcpoperator.operator.desired.DesiredChildren;
import io.mcpoperator.operator.image.Entrypoints;
import io.mcpoperator.operator.image.Resolution;
import io.mcpoperator.operator.mcpregistry.EntryResolution;
import io.mcpoperator.operator.status.AuthReadiness;
import io.mcpoperator.operator.status.PodDiagnosis;
import io.mcpoperator.operator.status.ReconcileOutcome;
import io.mcpoperator.operator.status.StatusCalculator;
import io.mcpoperator.operator.status.StatusInput;
import java.time.Duration;
import java.util.Optional;

/**
 * Decides what one reconcile does from what it observed. Pure: no client, clock or I/O, and equal
 * inputs give equal plans.
 */
public final class Planner {
  private static final Duration MAX_CHECK_INTERVAL = Duration.ofSeconds(5);

  private Planner() {}

  public static Plan plan(ObservedServer observed, ReconcileSettings settings) {
    ParsedServer server = observed.server();
    if (server.meta().deleting()) {
      return delete(observed, settings.deletionTimeout());
    }
    boolean addFinalizer = !server.meta().finalizers().contains(McpServer.FINALIZER);
    return switch (server) {
      case ParsedServer.Invalid invalid ->
          new Plan.Hold(
              addFinalizer,
              Plan.Hold.Why.INVALID_SPEC,
              StatusCalculator.compute(input(observed, Aggregation.none(), Optional.empty())),
              invalid.message());
      case ParsedServer.Valid valid -> live(observed, valid.server(), addFinalizer, settings);
    };
  }

  private static Plan live(
      ObservedServer observed, McpServer server, boolean addFinalizer, ReconcileSettings settings) {
    Aggregation aggregation = Aggregator.of(server, observed.members());
    Optional<Resolution> image = observed.image();
    StatusInput status = input(observed, aggregation, image);
    Optional<EntryResolution> registry = observed.registry();
    Optional<String> refused = registry.flatMap(EntryResolution::refusal).map(r -> r.message());
    if (refused.isPresent()) {
      return new Plan.Hold(
          addFinalizer,
          Plan.Hold.Why.REGISTRY_UNRESOLVED,
          StatusCalculator.compute(status),
          refused.get());
    }
    McpServer running =
        registry
            .flatMap(EntryResolution::spec)
            .map(spec -> RegistryServers.apply(server, spec))
            .orElse(server);
    if (image.isPresent() && image.get().reason() != Resolution.Reason.RESOLVED) {
      return new Plan.Hold(
          addFinalizer,
          image.get().failed() ? Plan.Hold.Why.IMAGE_UNRESOLVED : Plan.Hold.Why.RESOLVING_IMAGE,
          StatusCalculator.compute(status),
          image.get().message());
    }
    Optional<AuthReadiness> auth = observed.auth().filter(a -> !a.ready());
    if (auth.isPresent()) {
      return new Plan.Hold(
          addFinalizer,
          Plan.Hold.Why.AUTH_UNRESOLVED,
          StatusCalculator.compute(status),
          auth.get().message());
    }
    McpServer withCommand =
        image.map(r -> Entrypoints.apply(running, r.config().orElseThrow())).orElse(running);
    return new Plan.Apply(
        addFinalizer, DesiredChildren.of(withCommand, aggregation, settings.children()), status);
  }

  private static Plan delete(ObservedServer observed, Duration timeout) {
    ResourceMeta meta = observed.server().meta();
    if (!meta.finalizers().contains(McpServer.FINALIZER)) {
      return new Plan.Delete(Optional.empty(), Plan.Delete.Release.NOT_HELD, Duration.ZERO);
    }
    Optional<McpServerStatus> status =
        Optional.of(
            StatusCalculator.compute(input(observed, Aggregation.none(), Optional.empty())));
    if (observed.pods().isEmpty()) {
      return new Plan.Delete(status, Plan.Delete.Release.PODS_GONE, Duration.ZERO);
    }
    Duration left =
        timeout.minus(Duration.between(meta.deletionTimestamp().orElseThrow(), observed.now()));
    if (left.isNegative() || left.isZero()) {
      return new Plan.Delete(status, Plan.Delete.Release.TIMED_OUT, Duration.ZERO);
    }
    Duration recheck = left.compareTo(MAX_CHECK_INTERVAL) < 0 ? left : MAX_CHECK_INTERVAL;
    return new Plan.Delete(status, Plan.Delete.Release.WAIT, recheck);
  }

  /** The status input before any apply (the outcome is set by {@link Plan.Apply#status}). */
  private static StatusInput input(
      ObservedServer observed, Aggregation aggregation, Optional<Resolution> image) {
    return new StatusInput(
        observed.server(),
        observed.deployment(),
        PodDiagnosis.of(observed.pods()),
        ReconcileOutcome.ok(),
        observed.now(),
        aggregation,
        observed.shadowed(),
        observed.unreadableKinds(),
        image,
        observed.registry(),
        observed.auth());
  }
}
