package io.mcpoperator.operator.status;

import io.kubernetes.client.openapi.models.V1Deployment;
import io.mcpoperator.operator.aggregate.Aggregation;
import io.mcpoperator.operator.api.ParsedServer;
import io.mcpoperator.operator.desired.ChildSettings;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * Everything the status of one server is computed from.
 *
 * @param server the parsed server (with the status last written)
 * @param deployment the observed Deployment, if any
 * @param podProblems from {@link PodDiagnosis#of} over the server's pods
 * @param outcome the result of this reconcile's apply step
 * @param settings the operator settings the children were built with
 * @param now the time used for conditions that change status in this reconcile
 * @param aggregation what the server serves from its toolSelector ({@link Aggregation#none()} for
 *     an invalid server)
 * @param shadowed what the server's gateway last reported as hidden by its upstream server; empty
 *     when not known (no image, no probe answered yet)
 */
public record StatusInput(
    ParsedServer server,
    Optional<V1Deployment> deployment,
    List<PodProblem> podProblems,
    ReconcileOutcome outcome,
    ChildSettings settings,
    OffsetDateTime now,
    Aggregation aggregation,
    Optional<Shadowed> shadowed) {

  public StatusInput {
    podProblems = List.copyOf(podProblems);
  }
}
