package io.mcpoperator.operator.image;

import java.util.List;

/**
 * The registry credentials an entrypoint lookup may use.
 *
 * @param source where they come from, as messages name it ({@code spec.imagePullSecrets}, {@code
 *     --docker-config ~/.docker/config.json})
 * @param configs docker config files ({@code .dockerconfigjson} or {@code .dockercfg}) to search
 * @param problems one sentence for each credential that could not be read, told with a failure
 */
public record RegistryCredentials(String source, List<byte[]> configs, List<String> problems) {

  /** The operator's source: the server's pull secrets. */
  public static final String PULL_SECRETS = "spec.imagePullSecrets";

  public RegistryCredentials {
    configs = List.copyOf(configs);
    problems = List.copyOf(problems);
  }

  /** No credentials: anonymous reads only. */
  public static RegistryCredentials none(String source) {
    return new RegistryCredentials(source, List.of(), List.of());
  }
}
