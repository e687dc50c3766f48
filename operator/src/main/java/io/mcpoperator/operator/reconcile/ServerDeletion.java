package io.mcpoperator.operator.reconcile;

import com.google.gson.JsonObject;
import io.kubernetes.client.openapi.ApiException;
import io.mcpoperator.operator.api.Phase;
import io.mcpoperator.operator.api.ResourceMeta;
import io.mcpoperator.operator.plan.ObservedServer;
import io.mcpoperator.operator.plan.Plan;

/**
 * Carries out the plan of a server being deleted: phase Terminating, Deployment scaled to zero,
 * then the finalizer released once the plan says so (no pods left, or the deletion timeout passed).
 * Waits by requeueing, never by sleeping; children go by owner-reference garbage collection.
 */
final class ServerDeletion {

  private final ReconcileContext context;
  private final StatusWrite status;

  ServerDeletion(ReconcileContext context) {
    this.context = context;
    this.status = new StatusWrite(context);
  }

  Pass apply(ObservedServer observed, Plan.Delete plan) throws ApiException {
    if (plan.release() == Plan.Delete.Release.NOT_HELD) {
      return Pass.done(Outcome.DELETING, Phase.TERMINATING);
    }
    ResourceMeta meta = observed.server().meta();
    JsonObject stored =
        status.write(observed.stored(), observed.server(), plan.status().orElseThrow());
    if (context.applier().scaleToZero(meta)) {
      context.events().normal(meta, "ScaledDown", "Scaled Deployment to 0 before deletion");
    }
    if (plan.release() == Plan.Delete.Release.WAIT) {
      return Pass.after(plan.recheckIn(), Outcome.WAITING_FOR_PODS, Phase.TERMINATING);
    }
    context.writer().removeFinalizer(stored);
    return Pass.done(
        plan.release() == Plan.Delete.Release.PODS_GONE
            ? Outcome.FINALIZER_RELEASED
            : Outcome.FINALIZER_RELEASED_TIMEOUT,
        Phase.TERMINATING);
  }
}
