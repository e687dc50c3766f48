package io.mcpoperator.operator.status;

import io.mcpoperator.operator.api.ServerRegistryStatus;
import io.mcpoperator.operator.mcpregistry.EntryResolution;
import io.mcpoperator.operator.mcpregistry.Resolution;
import io.mcpoperator.operator.mcpregistry.ResolveReason;
import io.mcpoperator.operator.mcpregistry.RunSpec;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The {@code RegistryResolved} condition and {@code status.registry} of a server that names a
 * registry entry: True when the entry resolved (reason ServerDeprecated as a warning, or
 * RegistryUnavailable when it came from the last good data of a registry whose sync fails); False
 * with the {@link ResolveReason} otherwise. When the entry cannot be resolved now but was before,
 * status.registry keeps the spec resolved earlier with {@code usingCachedSpec: true}: that is what
 * the Deployment, left unchanged, runs.
 */
final class RegistryCondition {
  static final String TYPE = "RegistryResolved";

  private RegistryCondition() {}

  static void set(
      Conditions conditions,
      Optional<EntryResolution> registry,
      Optional<ServerRegistryStatus> previous) {
    if (registry.isEmpty()) {
      return;
    }
    EntryResolution r = registry.get();
    switch (r.resolution()) {
      case Resolution.Resolved resolved -> {
        RunSpec spec = resolved.spec();
        String what =
            "server \""
                + r.serverName()
                + "\" version "
                + spec.version()
                + " runs as "
                + spec.type().word()
                + " "
                + spec.identifier();
        String warnings =
            resolved.warnings().stream()
                .map(Resolution.Warning::message)
                .collect(Collectors.joining("; "));
        boolean deprecated =
            resolved.warnings().stream()
                .anyMatch(w -> w.reason().equals(ResolveReason.SERVER_DEPRECATED.word()));
        String reason =
            r.cached()
                ? ResolveReason.REGISTRY_UNAVAILABLE.word()
                : deprecated ? ResolveReason.SERVER_DEPRECATED.word() : "Resolved";
        String message =
            (r.cached()
                    ? "MCPRegistry \""
                        + r.registry()
                        + "\" cannot sync; resolved from its last good data: "
                    : "")
                + what
                + (warnings.isEmpty() ? "" : "; " + warnings);
        conditions.set(TYPE, true, reason, message);
      }
      case Resolution.Refused refused -> {
        Optional<ServerRegistryStatus> earlier = earlier(r, previous);
        String kept =
            earlier
                .map(
                    e ->
                        "; the running Deployment is kept unchanged (spec "
                            + e.specDigest()
                            + ", version "
                            + e.resolvedVersion()
                            + ")")
                .orElse("; nothing is created until it resolves");
        conditions.set(TYPE, false, refused.reason().word(), refused.message() + kept);
      }
    }
  }

  /** status.registry for this resolution. */
  static Optional<ServerRegistryStatus> status(
      Optional<EntryResolution> registry, Optional<ServerRegistryStatus> previous) {
    return registry.map(
        r ->
            r.spec()
                .map(
                    spec ->
                        new ServerRegistryStatus(
                            r.registry(),
                            r.serverName(),
                            r.requestedVersion(),
                            spec.version(),
                            spec.type().word(),
                            spec.identifier(),
                            r.specDigest().orElse(null),
                            r.cached()))
                .orElseGet(
                    () ->
                        earlier(r, previous)
                            .map(ServerRegistryStatus::cached)
                            .orElseGet(
                                () ->
                                    new ServerRegistryStatus(
                                        r.registry(),
                                        r.serverName(),
                                        r.requestedVersion(),
                                        null,
                                        null,
                                        null,
                                        null,
                                        false))));
  }

  /** The same entry resolved by an earlier reconcile, whose spec the Deployment still runs. */
  static Optional<ServerRegistryStatus> earlier(
      EntryResolution r, Optional<ServerRegistryStatus> previous) {
    return previous
        .filter(ServerRegistryStatus::resolvedOnce)
        .filter(p -> r.registry().equals(p.registry()))
        .filter(p -> r.serverName().equals(p.serverName()));
  }
}
