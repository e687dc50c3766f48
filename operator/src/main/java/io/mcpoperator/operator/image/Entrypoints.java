package io.mcpoperator.operator.image;

import io.mcpoperator.operator.api.McpServer;
import io.mcpoperator.operator.api.McpServerSpec;
import io.mcpoperator.operator.api.Transport;
import java.util.List;

/**
 * Which servers need their image's entrypoint, and the server with it filled in. The stdio shim
 * wraps the command the server container runs, so a stdio server without {@code spec.command} runs
 * the image's ENTRYPOINT followed by {@code spec.args} or, without args, the image's CMD — what
 * Kubernetes itself would run.
 */
public final class Entrypoints {
  private Entrypoints() {}

  /** True when the server's command must be read from its image. */
  public static boolean needed(McpServerSpec spec) {
    return spec.image().isPresent()
        && spec.transport() == Transport.STDIO
        && spec.command().isEmpty();
  }

  /** The server running the image's command line through the shim. */
  public static McpServer apply(McpServer server, ImageConfig config) {
    List<String> line = config.commandLine(server.spec().args());
    return new McpServer(
        server.meta(), server.spec().withCommand(line, List.of()), server.status());
  }
}
