package io.mcpoperator.gateway;

import static io.mcpoperator.gateway.GatewayShutdownIT.gateCall;
import static io.mcpoperator.gateway.GatewayShutdownIT.streamHeaders;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mcpoperator.gateway.config.ConfigLoader;
import io.mcpoperator.gateway.testing.FakeUpstream;
import io.mcpoperator.mcp.jsonrpc.Json;
import io.mcpoperator.mcp.testing.RawClient;
import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A reloaded configuration that names another upstream switches to it without a restart. */
@org.junit.jupiter.api.Timeout(120)
class UpstreamReloadIT {

  private static String config(List<String> command, int port) {
    var cmd = Json.array();
    command.forEach(cmd::add);
    return Json.write(
        Json.object()
            .add("listen", Json.object().add("port", port))
            .add("upstream", Json.object().add("transport", "stdio").add("command", cmd))
            .build());
  }

  private static List<String> tools(RawClient client, String session) {
    var res =
        client.post(
            Map.of("Mcp-Session-Id", session),
            "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/list\",\"params\":{}}");
    return Json.parse(res.body())
        .asJsonObject()
        .getJsonObject("result")
        .getJsonArray("tools")
        .stream()
        .map(t -> t.asJsonObject().getString("name"))
        .toList();
  }

  @Test
  void theSameSessionMovesToTheNewUpstreamWhileTheOldFinishesItsCall(@TempDir Path dir)
      throws Exception {
    Path file = dir.resolve("config.json");
    Files.writeString(file, config(FakeUpstream.command("alpha"), 0));
    var running =
        Main.start(
                List.of("--config", file.toString()),
                Map.of("MCP_GATEWAY_HOST", "127.0.0.1"),
                System.err)
            .orElseThrow();
    try (running) {
      await().atMost(Duration.ofSeconds(30)).until(running.gateway()::ready);
      var client = new RawClient("http://127.0.0.1:" + running.gateway().port());
      String session = client.initialize("2025-11-25");
      assertThat(tools(client, session)).contains("alpha").doesNotContain("beta");
      Path open = dir.resolve("open");
      var inFlight = client.openStream("POST", "/mcp", streamHeaders(session), gateCall(open));
      assertThat(inFlight.nextJson().getString("method")).isEqualTo("notifications/progress");

      try (var stream = client.openStream("GET", "/mcp", streamHeaders(session), null)) {
        Files.writeString(file, config(FakeUpstream.command("beta"), 0));
        Set<String> heard = new HashSet<>();
        while (heard.size() < 3) {
          heard.add(stream.nextJson().getString("method"));
        }
        assertThat(heard)
            .containsExactlyInAnyOrder(
                "notifications/tools/list_changed",
                "notifications/prompts/list_changed",
                "notifications/resources/list_changed");
      }
      assertThat(tools(client, session)).contains("beta").doesNotContain("alpha");
      var call = client.post(Map.of("Mcp-Session-Id", session), RawClient.call(4, "beta"));
      assertThat(call.body()).contains("\"text\":\"beta\"");

      Files.createFile(open);
      JsonObject answer = inFlight.nextJson();
      assertThat(answer.getJsonObject("result").toString())
          .as("the call in flight on the old upstream finished there")
          .contains("opened by alpha");

      running.gateway().reload(ConfigLoader.parse(config(FakeUpstream.command("beta"), 1)));
      running.gateway().reload(ConfigLoader.parse(config(List.of(), 0).replace("stdio", "none")));
      assertThat(tools(client, session))
          .as("a port change or a change to transport none waits for a restart")
          .contains("beta");
    }
  }
}
