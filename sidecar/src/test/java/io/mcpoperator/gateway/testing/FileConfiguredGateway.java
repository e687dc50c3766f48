package io.mcpoperator.gateway.testing;

import static org.awaitility.Awaitility.await;

import io.mcpoperator.gateway.Main;
import io.mcpoperator.mcp.jsonrpc.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A gateway started as the operator starts it — {@code --config <file>} — in front of {@link
 * FakeUpstream} over stdio, on 127.0.0.1 and a free port, with the given {@code limits}.
 */
public final class FileConfiguredGateway {
  private FileConfiguredGateway() {}

  /** Writes the configuration into {@code dir}, starts the gateway and waits until it is ready. */
  public static Main.Running start(Path dir, JsonObject limits) throws IOException {
    var cmd = Json.array();
    FakeUpstream.command().forEach(cmd::add);
    Path file = dir.resolve("config.json");
    Files.writeString(
        file,
        Json.write(
            Json.object()
                .add("listen", Json.object().add("port", 0))
                .add("upstream", Json.object().add("transport", "stdio").add("command", cmd))
                .add("limits", limits)
                .build()));
    Main.Running running =
        Main.start(
                List.of("--config", file.toString()),
                Map.of("MCP_GATEWAY_HOST", "127.0.0.1"),
                System.err)
            .orElseThrow();
    await().atMost(Duration.ofSeconds(30)).until(running.gateway()::ready);
    return running;
  }
}
