package io.mcpoperator.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mcpoperator.gateway.testing.FakeUpstream;
import io.mcpoperator.mcp.jsonrpc.Json;
import io.mcpoperator.mcp.testing.RawClient;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server-wide {@code limits.rateLimit}, from a configuration file that is reloaded. */
@org.junit.jupiter.api.Timeout(120)
class RateLimitIT {
  private static final String STATELESS_CALL =
      "{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"tools/call\",\"params\":{\"name\":\"echo\","
          + "\"arguments\":{\"text\":\"t\"},\"_meta\":{"
          + "\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\","
          + "\"io.modelcontextprotocol/clientCapabilities\":{}}}}";

  private static String config(JsonValue rateLimit) {
    var cmd = Json.array();
    FakeUpstream.command().forEach(cmd::add);
    return Json.write(
        Json.object()
            .add("listen", Json.object().add("port", 0))
            .add("upstream", Json.object().add("transport", "stdio").add("command", cmd))
            .add("limits", Json.object().add("rateLimit", rateLimit))
            .build());
  }

  private static JsonObject limit(int perMinute, int burst) {
    return Json.object().add("requestsPerMinute", perMinute).add("burst", burst).build();
  }

  private static HttpResponse<String> stateless(RawClient client) {
    return client.post(
        Map.of(
            "MCP-Protocol-Version", "2026-07-28", "Mcp-Method", "tools/call", "Mcp-Name", "echo"),
        STATELESS_CALL);
  }

  @Test
  void eachSessionHasItsBucketAndAReloadChangesTheLimit(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("config.json");
    Files.writeString(file, config(limit(1, 3)));
    var running =
        Main.start(
                List.of("--config", file.toString()),
                Map.of("MCP_GATEWAY_HOST", "127.0.0.1"),
                System.err)
            .orElseThrow();
    try (running) {
      await().atMost(Duration.ofSeconds(30)).until(running.gateway()::ready);
      var client = new RawClient("http://127.0.0.1:" + running.gateway().port());
      String first = client.initialize("2025-06-18");
      String second = client.initialize("2025-06-18");
      var one = Map.of("Mcp-Session-Id", first);
      for (int id = 2; id <= 4; id++) {
        assertThat(client.post(one, RawClient.call(id, "echo")).statusCode()).isEqualTo(200);
      }
      var refused = client.post(one, RawClient.call(5, "echo"));
      assertThat(refused.statusCode()).isEqualTo(429);
      int retryAfter = Integer.parseInt(refused.headers().firstValue("Retry-After").orElseThrow());
      assertThat(retryAfter).isBetween(1, 60);
      JsonObject error = Json.parse(refused.body()).asJsonObject().getJsonObject("error");
      assertThat(error.getString("message"))
          .contains("client session", "limits.rateLimit: 1 requests per minute, burst 3");
      assertThat(error.getJsonObject("data").getInt("retryAfterSeconds")).isEqualTo(retryAfter);
      assertThat(
              client.post(Map.of("Mcp-Session-Id", second), RawClient.call(6, "echo")).statusCode())
          .as("another session has its own bucket")
          .isEqualTo(200);
      // two initializes took two of the address's three tokens: stateless calls share that bucket
      assertThat(stateless(client).statusCode()).isEqualTo(200);
      var anonymous = stateless(client);
      assertThat(anonymous.statusCode()).isEqualTo(429);
      assertThat(anonymous.body()).contains("client address");

      Files.writeString(file, config(JsonValue.NULL));
      await()
          .untilAsserted(
              () ->
                  assertThat(client.post(one, RawClient.call(7, "echo")).statusCode())
                      .isEqualTo(200));
      for (int id = 8; id < 20; id++) {
        assertThat(client.post(one, RawClient.call(id, "echo")).statusCode()).isEqualTo(200);
      }
      Files.writeString(file, config(limit(1, 1)));
      await()
          .untilAsserted(
              () ->
                  assertThat(client.post(one, RawClient.call(20, "echo")).statusCode())
                      .isEqualTo(429));
    }
  }
}
