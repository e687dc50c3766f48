package io.mcpoperator.mcp;

import io.mcpoperator.mcp.session.ClientSession;
import java.util.function.Predicate;

/**
 * A {@link McpClients#notifyAll} filter for a change that every replica of a server announces, such
 * as a reloaded configuration (each replica reloads the same file, at its own time): each replica
 * tells each session about {@code version} of {@code topic} once — so a client that listed from a
 * replica that had not reloaded yet lists again when that replica has. A later, different version
 * is sent again. Where sessions are not shared it is just the {@code filter} it wraps.
 *
 * @param topic what changed, e.g. {@code upstream/tools}
 * @param version the state it changed to, e.g. a hash of the new configuration
 * @param filter which sessions the notification is for
 */
public record OncePerSession(String topic, String version, Predicate<ClientSession> filter)
    implements Predicate<ClientSession> {

  /** Every session, once per version of the topic. */
  public static OncePerSession everyone(String topic, String version) {
    return new OncePerSession(topic, version, s -> true);
  }

  @Override
  public boolean test(ClientSession session) {
    return filter.test(session);
  }
}
