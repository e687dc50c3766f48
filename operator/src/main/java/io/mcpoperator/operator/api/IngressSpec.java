package io.mcpoperator.operator.api;

import java.util.Optional;

/** {@code spec.ingress}: expose the server outside the cluster. */
public record IngressSpec(
    Optional<String> host,
    Optional<String> tlsSecretName,
    String pathPrefix,
    Optional<String> className) {}
