package io.mcpoperator.gateway.session;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;

/**
 * The one set of lettuce client resources (event loops, timer, DNS) of this process, shared by
 * every Redis client of the gateway: the session store and the aggregation's cache and rate limits.
 * A client's {@code shutdown} leaves shared resources running; their threads are daemon threads and
 * end with the process.
 */
public final class RedisResources {
  private static final ClientResources SHARED = DefaultClientResources.create();

  private RedisResources() {}

  /** A new client of {@code uri} on the shared resources. */
  public static RedisClient client(RedisURI uri) {
    return RedisClient.create(SHARED, uri);
  }
}
