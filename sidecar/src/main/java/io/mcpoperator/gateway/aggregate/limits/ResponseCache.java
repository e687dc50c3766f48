package io.mcpoperator.gateway.aggregate.limits;

import java.time.Duration;
import java.util.Optional;

/**
 * Results of tools and resources that opted in with a TTL. A cache that cannot be reached answers a
 * miss and stores nothing: calls still work, only slower.
 */
public interface ResponseCache extends AutoCloseable {

  Optional<String> get(String key);

  void put(String key, String value, Duration ttl);

  @Override
  default void close() {}
}
