package io.mcpoperator.operator.image;

import java.util.List;

/** Reads the registry config files held by a server's imagePullSecrets. */
public interface PullSecrets {

  /**
   * The {@code .dockerconfigjson} (or {@code .dockercfg}) of each named secret that can be read,
   * and one sentence for each that cannot.
   */
  Loaded load(String namespace, List<String> names);

  /** The config files read, and why others could not be. */
  record Loaded(List<byte[]> configs, List<String> problems) {
    public Loaded {
      configs = List.copyOf(configs);
      problems = List.copyOf(problems);
    }
  }

  /** No pull secrets at all (for render and tests). */
  PullSecrets NONE = (namespace, names) -> new Loaded(List.of(), List.of());
}
