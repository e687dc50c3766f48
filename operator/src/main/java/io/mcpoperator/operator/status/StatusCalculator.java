package io.mcpoperator.operator.status;

import io.mcpoperator.operator.aggregate.Aggregation;
import io.mcpoperator.operator.api.Condition;
import io.mcpoperator.operator.api.McpServerStatus;
import io.mcpoperator.operator.api.ParsedServer;
import io.mcpoperator.operator.api.ServerRegistryStatus;
import io.mcpoperator.operator.desired.Labels;
import io.mcpoperator.operator.image.Resolution;
import io.mcpoperator.operator.mcpregistry.EntryResolution;
import java.util.List;
import java.util.Optional;

/**
 * Computes an MCPServer's status from what was observed and applied. Pure: equal inputs give equal
 * statuses, so the caller writes status only when the result differs from the previous one. The
 * server comes validated: the calculator does not validate again.
 */
public final class StatusCalculator {
  private StatusCalculator() {}

  public static McpServerStatus compute(StatusInput in) {
    ParsedServer server = in.server();
    int desired =
        server instanceof ParsedServer.Valid valid
            ? valid.server().spec().replicas()
            : in.deployment()
                .map(d -> d.getSpec() == null ? null : d.getSpec().getReplicas())
                .orElse(0);
    ReplicaCounts replicas = ReplicaCounts.of(in.deployment(), desired);
    Optional<Resolution> image =
        server instanceof ParsedServer.Valid ? in.image() : Optional.empty();
    Optional<EntryResolution> registry =
        server instanceof ParsedServer.Valid ? in.registry() : Optional.empty();
    Optional<ServerRegistryStatus> previousRegistry =
        server.previousStatus().flatMap(McpServerStatus::registryStatus);
    Assessment assessment =
        PhaseRules.assess(
            server, replicas, in.podProblems(), image, registry.flatMap(EntryResolution::refusal));
    List<Condition> previous =
        server.previousStatus().map(McpServerStatus::conditions).orElse(List.of());
    long generation = server.meta().generation();
    Conditions conditions =
        new Conditions(previous, generation, in.now())
            .set(
                Conditions.READY,
                assessment.ready(),
                assessment.readyReason(),
                assessment.message())
            .set(
                Conditions.AVAILABLE,
                replicas.available() > 0,
                replicas.available() > 0 ? "MinimumReplicasAvailable" : "NoReplicasAvailable",
                replicas.available() + " of " + replicas.desired() + " replicas available")
            .set(
                Conditions.PROGRESSING,
                assessment.progressing(),
                assessment.progressingReason(),
                assessment.message());
    Optional<AuthReadiness> auth =
        server instanceof ParsedServer.Valid ? in.auth() : Optional.empty();
    auth.filter(a -> !a.ready())
        .ifPresentOrElse(
            a ->
                conditions.set(
                    Conditions.RECONCILED,
                    false,
                    "AuthUnresolved",
                    "children are not changed until spec.auth resolves: " + a.message()),
            () -> reconciled(conditions, server, in.outcome(), image, registry));
    AuthReadiness.set(conditions, auth);
    ImageCondition.set(conditions, image);
    RegistryCondition.set(conditions, registry, previousRegistry);
    AggregatedCondition.set(conditions, in.aggregation(), in.shadowed(), in.unavailableKinds());
    Counts counts = counts(server, in.aggregation());
    String message =
        in.outcome().applied() || server instanceof ParsedServer.Invalid
            ? assessment.message()
            : assessment.message() + " (last apply failed: " + in.outcome().message() + ")";
    return new McpServerStatus(
        assessment.phase(),
        replicas.replicas(),
        replicas.ready(),
        replicas.available(),
        generation,
        Labels.selectorString(server.meta()),
        url(server),
        counts.tools(),
        counts.prompts(),
        counts.resources(),
        Conditions.truncate(message),
        conditions.list(),
        RegistryCondition.status(registry, previousRegistry)
            .or(() -> invalidKeeps(server, previousRegistry))
            .orElse(null));
  }

  private record Counts(int tools, int prompts, int resources) {}

  /** What the gateway serves; an invalid server's children stay as they were, so do its counts. */
  private static Counts counts(ParsedServer server, Aggregation aggregation) {
    if (server instanceof ParsedServer.Invalid invalid) {
      return invalid
          .previousStatus()
          .map(
              s ->
                  new Counts(
                      orZero(s.toolCount()), orZero(s.promptCount()), orZero(s.resourceCount())))
          .orElse(new Counts(0, 0, 0));
    }
    return new Counts(
        aggregation.tools().size(), aggregation.prompts().size(), aggregation.resources().size());
  }

  private static int orZero(Integer n) {
    return n == null ? 0 : n;
  }

  /** An invalid server's children stay as they were, so does what status.registry says. */
  private static Optional<ServerRegistryStatus> invalidKeeps(
      ParsedServer server, Optional<ServerRegistryStatus> previous) {
    return server instanceof ParsedServer.Invalid ? previous : Optional.empty();
  }

  private static void reconciled(
      Conditions conditions,
      ParsedServer server,
      ReconcileOutcome o,
      Optional<Resolution> image,
      Optional<EntryResolution> registry) {
    Optional<Resolution> waiting = image.filter(r -> r.reason() != Resolution.Reason.RESOLVED);
    Optional<io.mcpoperator.operator.mcpregistry.Resolution.Refused> refused =
        registry.flatMap(EntryResolution::refusal);
    if (server instanceof ParsedServer.Invalid invalid) {
      conditions.set(Conditions.RECONCILED, false, "InvalidSpec", invalid.message());
    } else if (refused.isPresent()) {
      conditions.set(
          Conditions.RECONCILED,
          false,
          "RegistryUnresolved",
          "children are not changed until spec.registry resolves: " + refused.get().message());
    } else if (waiting.isPresent()) {
      conditions.set(
          Conditions.RECONCILED,
          false,
          "Image" + waiting.get().reason().camel(),
          "children are not applied until the image's entrypoint is known: "
              + waiting.get().message());
    } else {
      conditions.set(Conditions.RECONCILED, o.applied(), o.reason(), o.message());
    }
  }

  private static String url(ParsedServer server) {
    return switch (server) {
      case ParsedServer.Valid valid ->
          "http://%s.%s.svc.cluster.local:%d/mcp"
              .formatted(
                  valid.meta().name(), valid.meta().namespace(), valid.server().spec().port());
      case ParsedServer.Invalid invalid ->
          invalid.previousStatus().map(McpServerStatus::url).orElse(null);
    };
  }
}
