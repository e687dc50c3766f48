package io.mcpoperator.operator.mcpregistry;

import java.util.Optional;

/**
 * Where resolving one MCPServer's {@code spec.registry} stands, read once per reconcile.
 *
 * @param registry the MCPRegistry's name (or the registry URL)
 * @param serverName the entry's server name
 * @param requestedVersion the version spec.registry asks for (a pinned {@code latest} is looked up
 *     as the version resolved first)
 * @param resolution the run spec, or why there is none
 * @param specDigest {@code sha256:<hex>} of the entry's {@code server.json} when it was found
 * @param cached true when the entry came from the registry's last good data while its sync fails
 */
public record EntryResolution(
    String registry,
    String serverName,
    String requestedVersion,
    Resolution resolution,
    Optional<String> specDigest,
    boolean cached) {

  /** The spec to run, if the entry resolved. */
  public Optional<RunSpec> spec() {
    return resolution instanceof Resolution.Resolved r ? Optional.of(r.spec()) : Optional.empty();
  }

  /** Why there is no spec to run, if there is none. */
  public Optional<Resolution.Refused> refusal() {
    return resolution instanceof Resolution.Refused r ? Optional.of(r) : Optional.empty();
  }

  /** True when the registry had no data to resolve from (not the entry's fault). */
  public boolean unavailable() {
    return resolution instanceof Resolution.Refused r
        && r.reason() == ResolveReason.REGISTRY_UNAVAILABLE;
  }
}
