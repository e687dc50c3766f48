package io.mcpoperator.operator.reconcile;

import com.google.gson.JsonObject;
import io.kubernetes.client.openapi.ApiException;
import io.mcpoperator.operator.aggregate.Aggregation;
import io.mcpoperator.operator.api.ParsedServer;
import io.mcpoperator.operator.api.Phase;
import io.mcpoperator.operator.api.ResourceMeta;
import io.mcpoperator.operator.k8s.ServerWriter;
import io.mcpoperator.operator.status.ReconcileOutcome;
import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * The reconcile of a server being deleted: phase Terminating, Deployment scaled to zero, then the
 * finalizer released once no pods remain or the deletion timeout has passed. Waits by requeueing,
 * never by sleeping; children go by owner-reference garbage collection.
 */
final class ServerDeletion {

  private static final Duration MAX_CHECK_INTERVAL = Duration.ofSeconds(5);

  private final ReconcileContext context;
  private final StatusStep status;

  ServerDeletion(ReconcileContext context) {
    this.context = context;
    this.status = new StatusStep(context);
  }

  Pass reconcile(JsonObject raw, ParsedServer parsed) throws ApiException {
    ResourceMeta meta = parsed.meta();
    if (!meta.finalizers().contains(ServerWriter.FINALIZER)) {
      return Pass.done(Outcome.DELETING, Phase.TERMINATING);
    }
    StatusStep.Written written =
        status.write(raw, parsed, ReconcileOutcome.ok(), Aggregation.none());
    if (context.applier().scaleToZero(meta)) {
      context.events().normal(meta, "ScaledDown", "Scaled Deployment to 0 before deletion");
    }
    Duration waited =
        Duration.between(
            meta.deletionTimestamp().orElseThrow(), OffsetDateTime.now(context.clock()));
    Duration left = context.deletionTimeout().minus(waited);
    boolean podsGone = status.pods(meta).isEmpty();
    if (podsGone || left.isNegative() || left.isZero()) {
      context.writer().removeFinalizer(written.server());
      return Pass.done(
          podsGone ? Outcome.FINALIZER_RELEASED : Outcome.FINALIZER_RELEASED_TIMEOUT,
          Phase.TERMINATING);
    }
    Duration next = left.compareTo(MAX_CHECK_INTERVAL) < 0 ? left : MAX_CHECK_INTERVAL;
    return Pass.after(next, Outcome.WAITING_FOR_PODS, written.status().phase());
  }
}
