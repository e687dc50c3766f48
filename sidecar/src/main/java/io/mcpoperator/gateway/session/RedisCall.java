package io.mcpoperator.gateway.session;

import io.lettuce.core.api.sync.RedisCommands;
import io.mcpoperator.mcp.session.SessionStoreUnavailableException;
import java.util.function.Function;

/**
 * Runs one command on the store's connection, Redis errors as {@link
 * SessionStoreUnavailableException}.
 */
@FunctionalInterface
interface RedisCall {
  <T> T run(Function<RedisCommands<String, String>, T> command);
}
