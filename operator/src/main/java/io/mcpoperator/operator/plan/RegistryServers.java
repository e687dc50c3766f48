package io.mcpoperator.operator.plan;

import io.mcpoperator.operator.api.McpServer;
import io.mcpoperator.operator.api.McpServerSpec;
import io.mcpoperator.operator.mcpregistry.RunSpec;
import java.util.Optional;

/**
 * The server a resolved registry entry runs (pure): the entry's run spec with what the MCPServer
 * sets explicitly ({@code image}, {@code command}, {@code args}, {@code env}, {@code transport},
 * {@code port}) on top, in the spec every other child is built from.
 */
public final class RegistryServers {
  private RegistryServers() {}

  public static McpServer apply(McpServer server, RunSpec entry) {
    McpServerSpec s = server.spec();
    RunSpec run =
        entry.with(
            new RunSpec.Overrides(
                s.imageReference(),
                s.command(),
                s.args(),
                s.env(),
                s.transportSet() ? Optional.of(s.transport()) : Optional.empty(),
                s.portSet() ? Optional.of(s.port()) : Optional.empty()));
    McpServerSpec spec =
        new McpServerSpec(
            run.image(),
            s.tag(),
            run.command(),
            run.args(),
            run.env(),
            s.envFrom(),
            s.resources(),
            s.replicas(),
            run.port().orElse(s.port()),
            s.serviceType(),
            s.nodeSelector(),
            s.tolerations(),
            s.affinity(),
            s.volumes(),
            s.volumeMounts(),
            s.imagePullSecrets(),
            s.serviceAccountName(),
            run.transport(),
            run.path().orElse(s.path()),
            s.redis(),
            s.ingress(),
            s.toolSelector(),
            s.config(),
            s.podSecurityContext(),
            s.securityContext(),
            s.registry(),
            s.auth(),
            s.transportSet(),
            s.portSet());
    return new McpServer(server.meta(), spec, server.status());
  }
}
