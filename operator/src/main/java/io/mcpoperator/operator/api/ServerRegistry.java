package io.mcpoperator.operator.api;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code MCPServer.spec.registry}: run the server a registry entry describes. Exactly one of {@code
 * registryRef} (an MCPRegistry in the server's namespace) and {@code url} (a registry read
 * directly) is set.
 *
 * @param version the entry's version, {@code latest} by default
 * @param packagePreference the package types to try, in order ({@code oci}, {@code npm}, {@code
 *     pypi}, {@code remote}); empty: every type, in that order
 * @param inputs values for the arguments, env vars and headers the entry declares, by name
 * @param secretRef the Secret secret env vars not in {@code inputs} are read from, key = name
 */
public record ServerRegistry(
    Optional<String> registryRef,
    Optional<String> url,
    String name,
    String version,
    UpdatePolicy updatePolicy,
    List<String> packagePreference,
    Map<String, Input> inputs,
    Optional<String> secretRef) {

  public static final String LATEST = "latest";

  public ServerRegistry {
    packagePreference = List.copyOf(packagePreference);
    inputs = Map.copyOf(inputs);
  }

  /** What to do when the entry's {@code latest} version moves. */
  public enum UpdatePolicy {
    /** Keep the version resolved first (status.registry.resolvedVersion) until the spec changes. */
    PINNED,
    /** Run whatever {@code latest} resolves to now. */
    FOLLOW_LATEST
  }

  /** A value for one input: literal text or a Secret's key (exactly one). */
  public record Input(Optional<String> value, Optional<SecretKeyRef> secretKeyRef) {}

  /** What status and messages call the registry: the MCPRegistry's name, or the URL. */
  public String registryName() {
    return registryRef.orElseGet(url::orElseThrow);
  }
}
