package io.mcpoperator.operator.reconcile;

import com.google.gson.JsonObject;
import io.kubernetes.client.openapi.ApiException;
import io.mcpoperator.operator.aggregate.Aggregation;
import io.mcpoperator.operator.aggregate.Aggregator;
import io.mcpoperator.operator.api.ParsedServer;
import io.mcpoperator.operator.desired.DesiredChildren;
import io.mcpoperator.operator.k8s.ApiErrors;
import io.mcpoperator.operator.k8s.ChildApplier;
import io.mcpoperator.operator.k8s.ChildChange;
import io.mcpoperator.operator.status.ReconcileOutcome;
import java.util.List;

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
    if (parsed instanceof ParsedServer.Valid valid) {
      aggregation = Aggregator.of(valid.server(), members.candidates(valid.meta().namespace()));
      try {
        ChildApplier.Applied applied =
            context
                .applier()
                .apply(
                    valid.meta(),
                    DesiredChildren.of(valid.server(), aggregation, context.settings()));
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
    String phase = status.write(raw, parsed, outcome, aggregation).status().phase();
    if (parsed instanceof ParsedServer.Invalid invalid) {
      return Pass.invalid(phase, invalid.message());
    }
    if (!outcome.applied()) {
      return Pass.retry(phase, outcome.reason() + ": " + outcome.message());
    }
    return Pass.done(changes.isEmpty() ? "unchanged" : "applied", phase);
  }
}
