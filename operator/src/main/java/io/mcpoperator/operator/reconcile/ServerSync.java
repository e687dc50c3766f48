package io.mcpoperator.operator.reconcile;

import com.google.gson.JsonObject;
import io.kubernetes.client.openapi.ApiException;
import io.mcpoperator.operator.api.Condition;
import io.mcpoperator.operator.api.McpServerStatus;
import io.mcpoperator.operator.api.ResourceMeta;
import io.mcpoperator.operator.k8s.ApiErrors;
import io.mcpoperator.operator.k8s.ChildApplier;
import io.mcpoperator.operator.k8s.ChildChange;
import io.mcpoperator.operator.plan.ObservedServer;
import io.mcpoperator.operator.plan.Plan;
import io.mcpoperator.operator.status.ReconcileOutcome;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Carries out the plan of a live (not deleting) server: the finalizer, then its children, then its
 * status. Decides nothing the plan has not decided, except what the apply itself answers.
 */
final class ServerSync {

  private static final String REGISTRY_RESOLVED = "RegistryResolved";

  /**
   * How soon a server whose registry entry does not resolve is looked at again (a change of its
   * MCPRegistry brings it back sooner).
   */
  private static final Duration REGISTRY_RECHECK = Duration.ofSeconds(30);

  /** Secrets are not watched: a missing one is looked up again this often. */
  private static final Duration AUTH_RECHECK = Duration.ofSeconds(15);

  private final ReconcileContext context;
  private final StatusWrite status;

  ServerSync(ReconcileContext context) {
    this.context = context;
    this.status = new StatusWrite(context);
  }

  Pass hold(ObservedServer observed, Plan.Hold plan) throws ApiException {
    JsonObject stored = finalized(observed, plan);
    McpServerStatus written = plan.status();
    status.write(stored, observed.server(), written);
    return switch (plan.why()) {
      case INVALID_SPEC -> Pass.invalid(written.phase(), plan.detail());
      case RESOLVING_IMAGE -> Pass.done(Outcome.RESOLVING_IMAGE, written.phase());
      case IMAGE_UNRESOLVED ->
          Pass.after(context.images().retryAfter(), Outcome.IMAGE_UNRESOLVED, written.phase());
      case REGISTRY_UNRESOLVED -> {
        registryEvent(observed, written);
        yield Pass.after(REGISTRY_RECHECK, Outcome.REGISTRY_UNRESOLVED, written.phase());
      }
      case AUTH_UNRESOLVED -> Pass.after(AUTH_RECHECK, Outcome.AUTH_UNRESOLVED, written.phase());
    };
  }

  Pass apply(ObservedServer observed, Plan.Apply plan) throws ApiException {
    JsonObject stored = finalized(observed, plan);
    ResourceMeta meta = observed.server().meta();
    ReconcileOutcome outcome;
    List<ChildChange> changes = List.of();
    try {
      ChildApplier.Applied applied = context.applier().apply(meta, plan.children());
      outcome = applied.outcome();
      changes = applied.changes();
    } catch (ApiException e) {
      if (ApiErrors.isTransient(e)) {
        throw e;
      }
      outcome = ReconcileOutcome.failed("ApplyFailed", ApiErrors.describe(e));
    }
    for (ChildChange change : changes) {
      context.events().normal(meta, change.verb().reason(), change.describe());
    }
    McpServerStatus written = plan.status(outcome);
    status.write(stored, observed.server(), written);
    registryEvent(observed, written);
    if (!outcome.applied()) {
      return Pass.retry(written.phase(), outcome.reason() + ": " + outcome.message());
    }
    return Pass.done(changes.isEmpty() ? Outcome.UNCHANGED : Outcome.APPLIED, written.phase());
  }

  /**
   * An event when the RegistryResolved condition changes (a warning unless it turned True with
   * reason Resolved).
   */
  private void registryEvent(ObservedServer observed, McpServerStatus written) {
    Optional<String> now = registryKey(Optional.of(written));
    if (now.isEmpty() || now.equals(registryKey(observed.server().previousStatus()))) {
      return;
    }
    Condition c = written.condition(REGISTRY_RESOLVED).orElseThrow();
    ResourceMeta meta = observed.server().meta();
    if ("True".equals(c.status()) && "Resolved".equals(c.reason())) {
      context.events().normal(meta, REGISTRY_RESOLVED, c.message());
    } else {
      context.events().warning(meta, c.reason(), c.message());
    }
  }

  /** What a RegistryResolved event is about: the condition's status and reason, and the spec. */
  private static Optional<String> registryKey(Optional<McpServerStatus> status) {
    return status.flatMap(
        s ->
            s.condition(REGISTRY_RESOLVED)
                .map(
                    c ->
                        c.status()
                            + "/"
                            + c.reason()
                            + "/"
                            + s.registryStatus().map(r -> r.specDigest()).orElse("")));
  }

  /** The server as stored once it carries the finalizer, when the plan adds it. */
  private JsonObject finalized(ObservedServer observed, Plan plan) throws ApiException {
    if (!plan.addFinalizer()) {
      return observed.stored();
    }
    return context.writer().addFinalizer(observed.stored()).orElse(observed.stored());
  }
}
