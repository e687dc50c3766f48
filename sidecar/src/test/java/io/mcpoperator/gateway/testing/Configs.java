package io.mcpoperator.gateway.testing;

import io.mcpoperator.gateway.config.ConfigLoader;
import io.mcpoperator.gateway.config.GatewayConfig;
import io.mcpoperator.mcp.jsonrpc.Json;
import java.util.List;

/** Gateway configurations for tests: port 0, a stdio command, custom limits. */
public final class Configs {
  private Configs() {}

  public static GatewayConfig http(String transport, String url) {
    return ConfigLoader.parse(
        Json.write(
            Json.object()
                .add("listen", Json.object().add("port", 0))
                .add("upstream", Json.object().add("transport", transport).add("url", url))
                .build()));
  }

  public static GatewayConfig fifo(String dir) {
    return ConfigLoader.parse(
        Json.write(
            Json.object()
                .add("listen", Json.object().add("port", 0))
                .add("upstream", Json.object().add("transport", "stdio").add("fifoDir", dir))
                .build()));
  }

  public static GatewayConfig stdio(List<String> command, int requestTimeoutMs) {
    return stdio(command, Json.object().add("requestTimeoutMs", requestTimeoutMs).build());
  }

  /** A stdio upstream with the {@code limits} section given. */
  public static GatewayConfig stdio(List<String> command, jakarta.json.JsonObject limits) {
    var cmd = Json.array();
    command.forEach(cmd::add);
    return ConfigLoader.parse(
        Json.write(
            Json.object()
                .add("listen", Json.object().add("port", 0))
                .add("upstream", Json.object().add("transport", "stdio").add("command", cmd))
                .add("limits", limits)
                .build()));
  }
}
