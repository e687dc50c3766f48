package io.mcpoperator.operator.status;

import static io.mcpoperator.operator.api.Phase.DEGRADED;
import static io.mcpoperator.operator.api.Phase.FAILED;
import static io.mcpoperator.operator.api.Phase.PENDING;
import static io.mcpoperator.operator.api.Phase.RUNNING;
import static io.mcpoperator.operator.api.Phase.TERMINATING;

import io.mcpoperator.operator.api.ParsedServer;
import io.mcpoperator.operator.api.Phase;
import io.mcpoperator.operator.image.Resolution;
import io.mcpoperator.operator.mcpregistry.Resolution.Refused;
import io.mcpoperator.operator.mcpregistry.ResolveReason;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Decides the phase, first rule that matches:
 *
 * <ol>
 *   <li>deletion requested → Terminating;
 *   <li>invalid spec → Failed, the message says what to fix;
 *   <li>{@code spec.registry} resolves to nothing and there is no Deployment → Failed, or Pending
 *       while the registry has no data (a Deployment there is kept and judged as below);
 *   <li>the image's entrypoint cannot be read → Failed, the message names {@code spec.command};
 *   <li>the image's entrypoint is being read and there is no Deployment yet → Pending (the
 *       Deployment is created once it is known);
 *   <li>no Deployment yet → Pending;
 *   <li>{@code spec.replicas: 0} → Pending (scaled to zero: nothing serves);
 *   <li>pods cannot start and none is ready → Failed, the message names pods and reasons;
 *   <li>pods cannot start but some are ready (e.g. a rollout to a bad image) → Degraded;
 *   <li>rollout complete and all desired replicas ready → Running;
 *   <li>no replica ready yet, or a rollout in progress → Pending;
 *   <li>otherwise (some but not all ready) → Degraded.
 * </ol>
 */
final class PhaseRules {
  private PhaseRules() {}

  static Assessment assess(ParsedServer server, ReplicaCounts counts, List<PodProblem> problems) {
    return assess(server, counts, problems, Optional.empty(), Optional.empty());
  }

  static Assessment assess(
      ParsedServer server,
      ReplicaCounts counts,
      List<PodProblem> problems,
      Optional<Resolution> image,
      Optional<Refused> registry) {
    if (server.meta().deleting()) {
      String left =
          counts.replicas() > 0 ? ": waiting for " + counts.replicas() + " pods to stop" : "";
      return Assessment.notReady(TERMINATING, "deleting" + left, false, "Terminating");
    }
    if (server instanceof ParsedServer.Invalid invalid) {
      return Assessment.notReady(FAILED, invalid.message(), false, "InvalidSpec");
    }
    if (registry.isPresent() && !counts.exists()) {
      boolean waiting = registry.get().reason() == ResolveReason.REGISTRY_UNAVAILABLE;
      return Assessment.notReady(
          waiting ? PENDING : FAILED,
          registry.get().message() + "; nothing is created until spec.registry resolves",
          waiting,
          "Registry" + (waiting ? "Unavailable" : "Unresolved"));
    }
    if (image.filter(Resolution::failed).isPresent()) {
      return Assessment.notReady(
          FAILED, ImageCondition.failure(image.get()), false, "ImageNotResolved");
    }
    if (image.filter(r -> r.reason() == Resolution.Reason.RESOLVING).isPresent()
        && !counts.exists()) {
      return Assessment.notReady(
          PENDING,
          image.get().message() + "; the Deployment is created once it is read",
          true,
          "ResolvingImage");
    }
    if (!counts.exists()) {
      return Assessment.notReady(
          PENDING, "waiting for the Deployment to be created", true, "Creating");
    }
    if (counts.desired() == 0) {
      return counts.replicas() > 0
          ? Assessment.notReady(
              PENDING, "scaling to zero: " + counts.replicas() + " pods left", true, "ScaledToZero")
          : Assessment.notReady(
              PENDING, "scaled to zero: spec.replicas is 0, nothing serves", false, "ScaledToZero");
    }
    String readiness = counts.ready() + " of " + counts.desired() + " replicas ready";
    if (!problems.isEmpty()) {
      Phase phase = counts.ready() == 0 ? FAILED : DEGRADED;
      String prefix = counts.ready() == 0 ? "pods cannot start: " : readiness + "; ";
      return Assessment.notReady(phase, prefix + describe(problems), false, "PodsCannotStart");
    }
    if (counts.rolledOut() && counts.ready() >= counts.desired()) {
      return new Assessment(
          RUNNING, "all " + readiness, true, "AllReplicasReady", false, "RolloutComplete");
    }
    if (!counts.rolledOut()) {
      String updated = counts.updated() + " of " + counts.desired() + " updated, ";
      return Assessment.notReady(
          PENDING, "rolling out: " + updated + readiness, true, "RollingOut");
    }
    if (counts.ready() == 0) {
      return Assessment.notReady(PENDING, "starting: " + readiness, true, "Starting");
    }
    return new Assessment(DEGRADED, readiness, false, "ReplicasNotReady", false, "RolloutComplete");
  }

  private static String describe(List<PodProblem> problems) {
    return problems.stream().map(PodProblem::describe).collect(Collectors.joining("; "));
  }
}
