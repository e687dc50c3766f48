package io.mcpoperator.operator.desired;

import io.mcpoperator.operator.api.McpServer;

/**
 * The children of an MCPServer, from the server and the operator's settings alone: no client, clock
 * or I/O, and equal inputs give equal objects.
 */
public final class DesiredChildren {
  private DesiredChildren() {}

  /**
   * The desired children. Call {@link SpecValidator#validate} first: a spec it rejects gives
   * children the API server would refuse or that cannot work.
   */
  public static Children of(McpServer server, ChildSettings settings) {
    return new Children(
        EmptyCollections.prune(DesiredConfigMap.of(server, settings)),
        EmptyCollections.prune(DesiredDeployment.of(server, settings)),
        EmptyCollections.prune(DesiredService.of(server)),
        DesiredIngress.of(server).map(EmptyCollections::prune),
        DesiredPodDisruptionBudget.of(server).map(EmptyCollections::prune));
  }
}
