package io.mcpoperator.operator.mcpregistry;

import io.kubernetes.client.openapi.models.V1EnvVar;
import io.mcpoperator.operator.api.SecretKeyRef;
import io.mcpoperator.operator.api.Transport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a registry entry resolves to: a container (image, command, args, env; transport with port
 * and path) or, for a remote, no container and the remote's URL and headers. Secret values are
 * never in here: env vars and headers name a Secret's key.
 */
public record RunSpec(
    PackageType type,
    String identifier,
    String version,
    Optional<String> image,
    List<String> command,
    List<String> args,
    List<V1EnvVar> env,
    Transport transport,
    Optional<Integer> port,
    Optional<String> path,
    Optional<String> remoteUrl,
    List<Header> headers) {

  public RunSpec {
    command = List.copyOf(command);
    args = List.copyOf(args);
    env = List.copyOf(env);
    headers = List.copyOf(headers);
  }

  /** A header sent to a remote: a literal value, or a Secret's key. */
  public record Header(String name, Optional<String> value, Optional<SecretKeyRef> secret) {}

  /** True when nothing runs in the cluster: the gateway proxies {@link #remoteUrl()}. */
  public boolean remote() {
    return type == PackageType.REMOTE;
  }

  /**
   * This spec with what the MCPServer spec sets explicitly: an image, command or args replace the
   * entry's; an env var replaces the entry's of the same name or is added; a transport or port
   * replaces the entry's.
   */
  public RunSpec with(Overrides overrides) {
    Map<String, V1EnvVar> byName = new LinkedHashMap<>();
    env.forEach(e -> byName.put(e.getName(), e));
    overrides.env().forEach(e -> byName.put(e.getName(), e));
    return new RunSpec(
        type,
        identifier,
        version,
        overrides.image().or(() -> image),
        overrides.command().isEmpty() ? command : overrides.command(),
        overrides.args().isEmpty() ? args : overrides.args(),
        new ArrayList<>(byName.values()),
        overrides.transport().orElse(transport),
        overrides.port().or(() -> port),
        path,
        remoteUrl,
        headers);
  }

  /** What an MCPServer spec sets explicitly (empty lists and absent values: nothing). */
  public record Overrides(
      Optional<String> image,
      List<String> command,
      List<String> args,
      List<V1EnvVar> env,
      Optional<Transport> transport,
      Optional<Integer> port) {
    public static Overrides none() {
      return new Overrides(
          Optional.empty(), List.of(), List.of(), List.of(), Optional.empty(), Optional.empty());
    }
  }
}
