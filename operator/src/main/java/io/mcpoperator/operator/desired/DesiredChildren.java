package io.mcpoperator.operator.desired;

import io.mcpoperator.operator.aggregate.Aggregation;
import io.mcpoperator.operator.api.McpServer;

/**
 * The children of an MCPServer, from the server and the operator's settings alone: no client, clock
 * or I/O, and equal inputs give equal objects.
 */
public final class DesiredChildren {
  private DesiredChildren() {}

  /**
   * The desired children of a server that serves nothing aggregated. Call {@link
   * SpecValidator#validate} first: a spec it rejects gives children the API server would refuse or
   * that cannot work.
   */
  public static Children of(McpServer server, ChildSettings settings) {
    return of(server, Aggregation.none(), settings);
  }

  /**
   * The desired children of a server that serves {@code aggregation}: its entries go into the
   * gateway configuration, and the Secret keys its tool headers read become environment variables
   * of the gateway container.
   */
  public static Children of(McpServer server, Aggregation aggregation, ChildSettings settings) {
    return new Children(
        EmptyCollections.prune(DesiredConfigMap.of(server, aggregation, settings)),
        EmptyCollections.prune(DesiredDeployment.of(server, aggregation, settings)),
        EmptyCollections.prune(DesiredService.of(server)),
        DesiredIngress.of(server).map(EmptyCollections::prune),
        DesiredPodDisruptionBudget.of(server).map(EmptyCollections::prune));
  }
}
