package io.mcpoperator.operator.api;

import java.util.Optional;

/**
 * {@code spec.redis}: where the gateway keeps sessions. The password, when needed, comes from a key
 * of a Secret in the server's namespace and never appears in the gateway ConfigMap.
 */
public record RedisSpec(
    String serviceName, int port, int database, Optional<SecretKeyRef> passwordSecret) {

  /** A key of a Secret ({@code spec.redis.passwordSecret}: {@code name}, {@code key}). */
  public record SecretKeyRef(String name, String key) {}
}
