package io.mcpoperator.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mcpoperator.gateway.testing.FakeUpstream;
import io.mcpoperator.mcp.jsonrpc.Json;
import io.mcpoperator.mcp.testing.RawClient;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@org.junit.jupiter.api.Timeout(120)
class MainIT {

  @Test
  void badArgumentsAreExplainedAndNothingStarts() {
    var err = new ByteArrayOutputStream();
    var started =
        Main.start(
            List.of("--port", "x"), Map.of(), new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(started).isEmpty();
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("--port must be a port number");
    assertThat(Main.start(List.of("--config", "/nonexistent.json"), Map.of(), new PrintStream(err)))
        .isEmpty();
  }

  @Test
  void aConfigFileStartsTheGatewayAndAReloadChangesTheLimits(@TempDir Path dir) throws Exception {
    var cmd = Json.array();
    FakeUpstream.command().forEach(cmd::add);
    Path file = dir.resolve("config.json");
    Files.writeString(file, config(cmd, 1 << 20));
    var running =
        Main.start(
                List.of(),
                Map.of("MCP_GATEWAY_CONFIG", file.toString(), "MCP_GATEWAY_HOST", "127.0.0.1"),
                System.err)
            .orElseThrow();
    try (running) {
      await().atMost(Duration.ofSeconds(30)).until(running.gateway()::ready);
      var raw = new RawClient("http://127.0.0.1:" + running.gateway().port());
      String session = raw.initialize("2025-06-18");
      String big =
          "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",\"params\":{\"p\":\""
              + "x".repeat(300)
              + "\"}}";
      assertThat(raw.post(Map.of("Mcp-Session-Id", session), big).statusCode()).isEqualTo(200);
      Files.writeString(file, config(cmd, 200));
      await()
          .untilAsserted(
              () ->
                  assertThat(raw.post(Map.of("Mcp-Session-Id", session), big).statusCode())
                      .isEqualTo(413));
    }
  }

  private static String config(jakarta.json.JsonArrayBuilder cmd, int maxBody) {
    return Json.write(
        Json.object()
            .add("listen", Json.object().add("port", 0))
            .add("upstream", Json.object().add("transport", "stdio").add("command", cmd))
            .add("limits", Json.object().add("maxBodyBytes", maxBody))
            .build());
  }
}
