package io.mcpoperator.operator.reconcile;

import com.google.gson.JsonObject;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.models.V1LocalObjectReference;
import io.mcpoperator.operator.aggregate.Aggregation;
import io.mcpoperator.operator.aggregate.Aggregator;
import io.mcpoperator.operator.api.McpServer;
import io.mcpoperator.operator.api.ParsedServer;
import io.mcpoperator.operator.api.Phase;
import io.mcpoperator.operator.desired.DesiredChildren;
import io.mcpoperator.operator.image.Entrypoints;
import io.mcpoperator.operator.image.Resolution;
import io.mcpoperator.operator.k8s.ApiErrors;
import io.mcpoperator.operator.k8s.ChildApplier;
import io.mcpoperator.operator.k8s.ChildChange;
import io.mcpoperator.operator.status.ReconcileOutcome;
import java.util.List;
import java.util.Optional;

/** The reconcile of a live (not deleting) server: apply its children, then its status. */
final class ServerSync {

  private final ReconcileContext context;
  private final StatusStep status;
  private final Members members;

  ServerSync(ReconcileContext context) {
    this.context = context;
    this.status = new StatusStep(context);
    this.members = new Members(context.cache());
  }

  Pass reconcile(JsonObject raw, ParsedServer parsed) throws ApiException {
    ReconcileOutcome outcome = ReconcileOutcome.ok();
    List<ChildChange> changes = List.of();
    Aggregation aggregation = Aggregation.none();
    Optional<Resolution> image = Optional.empty();
    if (parsed instanceof ParsedServer.Valid valid) {
      McpServer server = valid.server();
      aggregation = Aggregator.of(server, members.candidates(valid.meta().namespace()));
      image = resolve(server);
      if (image.isPresent() && image.get().reason() != Resolution.Reason.RESOLVED) {
        Phase phase = status.write(raw, parsed, outcome, aggregation, image).status().phase();
        return image.get().failed()
            ? Pass.after(context.images().retryAfter(), Outcome.IMAGE_UNRESOLVED, phase)
            : Pass.done(Outcome.RESOLVING_IMAGE, phase);
      }
      if (image.isPresent()) {
        server = Entrypoints.apply(server, image.get().config().orElseThrow());
      }
      try {
        ChildApplier.Applied applied =
            context
                .applier()
                .apply(valid.meta(), DesiredChildren.of(server, aggregation, context.settings()));
        outcome = applied.outcome();
        changes = applied.changes();
      } catch (ApiException e) {
        if (ApiErrors.isTransient(e)) {
          throw e;
        }
        outcome = ReconcileOutcome.failed("ApplyFailed", ApiErrors.describe(e));
      }
    }
    for (ChildChange change : changes) {
      context.events().normal(parsed.meta(), change.verb().reason(), change.describe());
    }
    Phase phase = status.write(raw, parsed, outcome, aggregation, image).status().phase();
    if (parsed instanceof ParsedServer.Invalid invalid) {
      return Pass.invalid(phase, invalid.message());
    }
    if (!outcome.applied()) {
      return Pass.retry(phase, outcome.reason() + ": " + outcome.message());
    }
    return Pass.done(changes.isEmpty() ? Outcome.UNCHANGED : Outcome.APPLIED, phase);
  }

  /** Where reading the image's entrypoint stands, for a stdio server without a command. */
  private Optional<Resolution> resolve(McpServer server) {
    if (!Entrypoints.needed(server.spec())) {
      return Optional.empty();
    }
    return Optional.of(
        context
            .images()
            .resolve(
                server.meta().namespace(),
                server.meta().name(),
                server.spec().imageReference().orElseThrow(),
                server.spec().imagePullSecrets().stream()
                    .map(V1LocalObjectReference::getName)
                    .filter(n -> n != null && !n.isEmpty())
                    .toList()));
  }
}
