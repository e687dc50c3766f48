package io.mcpoperator.operator.api;

import java.util.Map;
import java.util.Optional;

/**
 * {@code spec.ingress}: expose the server outside the cluster.
 *
 * @param annotations the user's Ingress annotations; an empty value removes a default
 */
public record IngressSpec(
    Optional<String> host,
    Optional<String> tlsSecretName,
    String pathPrefix,
    Optional<String> className,
    Map<String, String> annotations) {

  public IngressSpec {
    annotations = Map.copyOf(annotations);
  }

  /** An Ingress without annotations of its own. */
  public IngressSpec(
      Optional<String> host,
      Optional<String> tlsSecretName,
      String pathPrefix,
      Optional<String> className) {
    this(host, tlsSecretName, pathPrefix, className, Map.of());
  }
}
