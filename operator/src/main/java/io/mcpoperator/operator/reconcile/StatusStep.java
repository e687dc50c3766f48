package io.mcpoperator.operator.reconcile;

import com.google.gson.JsonObject;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.JSON;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesObject;
import io.mcpoperator.operator.aggregate.Aggregation;
import io.mcpoperator.operator.api.Condition;
import io.mcpoperator.operator.api.McpServerStatus;
import io.mcpoperator.operator.api.ParsedServer;
import io.mcpoperator.operator.api.Phase;
import io.mcpoperator.operator.api.ResourceMeta;
import io.mcpoperator.operator.desired.Labels;
import io.mcpoperator.operator.image.Resolution;
import io.mcpoperator.operator.k8s.ChildApplier;
import io.mcpoperator.operator.k8s.InstalledKinds;
import io.mcpoperator.operator.k8s.ResourceType;
import io.mcpoperator.operator.k8s.ShadowProbes;
import io.mcpoperator.operator.status.PodDiagnosis;
import io.mcpoperator.operator.status.ReconcileOutcome;
import io.mcpoperator.operator.status.Shadowed;
import io.mcpoperator.operator.status.StatusCalculator;
import io.mcpoperator.operator.status.StatusInput;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Computes a server's status from the caches and writes it only when it changed. */
final class StatusStep {

  private final ReconcileContext context;

  StatusStep(ReconcileContext context) {
    this.context = context;
  }

  /** The status now in effect, and the server as stored after the write (if one was needed). */
  record Written(McpServerStatus status, JsonObject server, boolean changed) {}

  Written write(
      JsonObject raw, ParsedServer parsed, ReconcileOutcome outcome, Aggregation aggregation)
      throws ApiException {
    return write(raw, parsed, outcome, aggregation, Optional.empty());
  }

  Written write(
      JsonObject raw,
      ParsedServer parsed,
      ReconcileOutcome outcome,
      Aggregation aggregation,
      Optional<Resolution> image)
      throws ApiException {
    ResourceMeta meta = parsed.meta();
    McpServerStatus status =
        StatusCalculator.compute(
            new StatusInput(
                parsed,
                deployment(meta),
                PodDiagnosis.of(pods(meta)),
                outcome,
                context.settings(),
                OffsetDateTime.now(context.clock()),
                aggregation,
                shadowed(parsed, aggregation),
                unavailableKinds(aggregation),
                image));
    if (parsed.previousStatus().equals(Optional.of(status))) {
      return new Written(status, raw, false);
    }
    JsonObject stored = context.writer().writeStatus(raw, status);
    if (status.phase() == Phase.FAILED
        && !parsed.previousStatus().map(McpServerStatus::phase).equals(Optional.of(Phase.FAILED))) {
      context
          .events()
          .warning(meta, "Failed", Optional.ofNullable(status.message()).orElse("failed"));
    }
    unavailableEvent(parsed, status);
    return new Written(status, stored, true);
  }

  /**
   * The kinds a selecting server cannot read, one sentence each: their CRD is not installed, or
   * their informer has not listed them yet (a CRD installed a moment ago).
   */
  private List<String> unavailableKinds(Aggregation aggregation) {
    if (!aggregation.selecting()) {
      return List.of();
    }
    InstalledKinds installed = context.cache().installed();
    InstalledKinds available = context.cache().available();
    return ResourceType.MEMBERS.stream()
        .filter(t -> !available.has(t))
        .map(
            t ->
                installed.has(t)
                    ? "CRD %s is installed but its %ss are not listed yet"
                        .formatted(t.crdName(), t.kind())
                    : "CRD %s is not installed".formatted(t.crdName()))
        .toList();
  }

  /** One Warning event when a server's aggregation becomes unavailable, not one per reconcile. */
  private void unavailableEvent(ParsedServer parsed, McpServerStatus status) {
    Optional<Condition> now = aggregated(Optional.of(status));
    Optional<Condition> before = aggregated(parsed.previousStatus());
    if (now.isPresent() && !before.map(Condition::reason).equals(now.map(Condition::reason))) {
      context.events().warning(parsed.meta(), UNAVAILABLE, now.get().message());
    }
  }

  private static final String UNAVAILABLE = "AggregationUnavailable";

  private static Optional<Condition> aggregated(Optional<McpServerStatus> status) {
    return status.stream()
        .flatMap(s -> s.conditions().stream())
        .filter(c -> "Aggregated".equals(c.type()) && UNAVAILABLE.equals(c.reason()))
        .findFirst();
  }

  /**
   * What the gateway last reported as shadowed, for a live server with an image and a toolSelector;
   * probes a ready pod in the background (never waits).
   */
  private Optional<Shadowed> shadowed(ParsedServer parsed, Aggregation aggregation) {
    ResourceMeta meta = parsed.meta();
    boolean merging =
        parsed instanceof ParsedServer.Valid valid
            && !meta.deleting()
            && valid.server().spec().image().isPresent()
            && aggregation.selecting();
    if (!merging) {
      context.probes().forget(meta.namespace(), meta.name());
      return Optional.empty();
    }
    Optional<ShadowProbes.Target> target =
        pods(meta).stream()
            .filter(StatusStep::ready)
            .map(p -> p.getStatus().getPodIP())
            .sorted()
            .findFirst()
            .map(ip -> new ShadowProbes.Target(ip, configVersion(meta)));
    return context.probes().observe(meta.namespace(), meta.name(), target);
  }

  private static boolean ready(V1Pod pod) {
    return pod.getMetadata().getDeletionTimestamp() == null
        && pod.getStatus() != null
        && pod.getStatus().getPodIP() != null
        && pod.getStatus().getConditions() != null
        && pod.getStatus().getConditions().stream()
            .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
  }

  private String configVersion(ResourceMeta meta) {
    return context.cache().list(ResourceType.CONFIG_MAP, meta.namespace()).stream()
        .filter(c -> ChildApplier.isOwnedBy(c.getRaw(), meta))
        .map(c -> String.valueOf(c.getMetadata().getResourceVersion()))
        .findFirst()
        .orElse("");
  }

  Optional<V1Deployment> deployment(ResourceMeta meta) {
    return context.cache().list(ResourceType.DEPLOYMENT, meta.namespace()).stream()
        .filter(d -> ChildApplier.isOwnedBy(d.getRaw(), meta))
        .findFirst()
        .map(d -> JSON.getGson().fromJson(d.getRaw(), V1Deployment.class));
  }

  List<V1Pod> pods(ResourceMeta meta) {
    Map<String, String> selector = Labels.selector(meta);
    return context.cache().list(ResourceType.POD, meta.namespace()).stream()
        .filter(p -> matches(p, selector))
        .map(p -> JSON.getGson().fromJson(p.getRaw(), V1Pod.class))
        .toList();
  }

  private static boolean matches(DynamicKubernetesObject pod, Map<String, String> selector) {
    Map<String, String> labels = pod.getMetadata().getLabels();
    return labels != null && labels.entrySet().containsAll(selector.entrySet());
  }
}
