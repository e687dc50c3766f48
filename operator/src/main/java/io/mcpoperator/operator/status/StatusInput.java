package io.mcpoperator.operator.status;

import io.kubernetes.client.openapi.models.V1Deployment;
import io.mcpoperator.operator.aggregate.Aggregation;
import io.mcpoperator.operator.api.ParsedServer;
import io.mcpoperator.operator.image.Resolution;
import io.mcpoperator.operator.mcpregistry.EntryResolution;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * Everything the status of one server is computed from.
 *
 * @param server the parsed and validated server (with the status last written)
 * @param deployment the observed Deployment, if any
 * @param podProblems from {@link PodDiagnosis#of} over the server's pods
 * @param outcome the result of this reconcile's apply step
 * @param now the time used for conditions that change status in this reconcile
 * @param aggregation what the server serves from its toolSelector ({@link Aggregation#none()} for
 *     an invalid server)
 * @param shadowed what the server's gateway last reported as hidden by its upstream server; empty
 *     when not known (no image, no probe answered yet)
 * @param unavailableKinds why member kinds cannot be read, one sentence each (e.g. {@code CRD
 *     mcptools.mcpoperator.io is not installed}); empty when all can. Only the Aggregated condition
 *     of a server with a toolSelector reports them
 * @param image where reading the image's entrypoint stands, for a stdio server without {@code
 *     spec.command}; empty for every other server
 * @param registry where resolving {@code spec.registry} stands; empty for a server that names no
 *     registry entry
 * @param auth whether the objects {@code spec.auth} names exist; empty without a check
 */
public record StatusInput(
    ParsedServer server,
    Optional<V1Deployment> deployment,
    List<PodProblem> podProblems,
    ReconcileOutcome outcome,
    OffsetDateTime now,
    Aggregation aggregation,
    Optional<Shadowed> shadowed,
    List<String> unavailableKinds,
    Optional<Resolution> image,
    Optional<EntryResolution> registry,
    Optional<AuthReadiness> auth) {

  public StatusInput {
    podProblems = List.copyOf(podProblems);
    unavailableKinds = List.copyOf(unavailableKinds);
  }

  /** An input for a server that names no registry entry. */
  public StatusInput(
      ParsedServer server,
      Optional<V1Deployment> deployment,
      List<PodProblem> podProblems,
      ReconcileOutcome outcome,
      OffsetDateTime now,
      Aggregation aggregation,
      Optional<Shadowed> shadowed,
      List<String> unavailableKinds,
      Optional<Resolution> image) {
    this(
        server,
        deployment,
        podProblems,
        outcome,
        now,
        aggregation,
        shadowed,
        unavailableKinds,
        image,
        Optional.empty());
  }

  /** This input with what the apply step did instead. */
  public StatusInput withOutcome(ReconcileOutcome applied) {
    return new StatusInput(
        server,
        deployment,
        podProblems,
        applied,
        now,
        aggregation,
        shadowed,
        unavailableKinds,
        image,
        registry,
        auth);
  }

  /** An input that carries no {@code spec.auth} readiness. */
  public StatusInput(
      ParsedServer server,
      Optional<V1Deployment> deployment,
      List<PodProblem> podProblems,
      ReconcileOutcome outcome,
      OffsetDateTime now,
      Aggregation aggregation,
      Optional<Shadowed> shadowed,
      List<String> unavailableKinds,
      Optional<Resolution> image,
      Optional<EntryResolution> registry) {
    this(
        server,
        deployment,
        podProblems,
        outcome,
        now,
        aggregation,
        shadowed,
        unavailableKinds,
        image,
        registry,
        Optional.empty());
  }

  /** An input for a server whose command is not read from its image. */
  public StatusInput(
      ParsedServer server,
      Optional<V1Deployment> deployment,
      List<PodProblem> podProblems,
      ReconcileOutcome outcome,
      OffsetDateTime now,
      Aggregation aggregation,
      Optional<Shadowed> shadowed,
      List<String> unavailableKinds) {
    this(
        server,
        deployment,
        podProblems,
        outcome,
        now,
        aggregation,
        shadowed,
        unavailableKinds,
        Optional.empty());
  }

  /** An input where every kind a toolSelector selects can be read. */
  public StatusInput(
      ParsedServer server,
      Optional<V1Deployment> deployment,
      List<PodProblem> podProblems,
      ReconcileOutcome outcome,
      OffsetDateTime now,
      Aggregation aggregation,
      Optional<Shadowed> shadowed) {
    this(server, deployment, podProblems, outcome, now, aggregation, shadowed, List.of());
  }
}
