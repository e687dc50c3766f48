package io.mcpoperator.gateway.limits;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcpoperator.gateway.Main;
import io.mcpoperator.gateway.testing.FileConfiguredGateway;
import io.mcpoperator.mcp.jsonrpc.Json;
import io.mcpoperator.mcp.testing.RawClient;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code limits.maxSessions}: a replica refuses new sessions beyond its cap, never old ones. */
@Timeout(120)
class SessionCapIT {

  @Test
  void sessionsBeyondTheCapAre503WithRetryAfterUntilOneEnds(@TempDir Path dir) throws Exception {
    try (Main.Running running =
        FileConfiguredGateway.start(dir, Json.object().add("maxSessions", 2).build())) {
      var client = new RawClient("http://127.0.0.1:" + running.gateway().port());
      String first = client.initialize("2025-06-18");
      client.initialize("2025-06-18");

      HttpResponse<String> refused = client.post(Map.of(), RawClient.initializeBody("2025-06-18"));
      assertThat(refused.statusCode()).isEqualTo(503);
      assertThat(refused.headers().firstValue("Retry-After")).contains("5");
      JsonObject error = Json.parse(refused.body()).asJsonObject().getJsonObject("error");
      assertThat(error.getInt("code")).isEqualTo(-32003);
      assertThat(error.getString("message")).contains("limits.maxSessions").contains("2");
      assertThat(
              client.send("GET", "/sse", Map.of("Accept", "text/event-stream"), null).statusCode())
          .as("a legacy SSE session counts the same")
          .isEqualTo(503);

      assertThat(
              client.post(Map.of("Mcp-Session-Id", first), RawClient.call(2, "echo")).statusCode())
          .as("sessions already held are served")
          .isEqualTo(200);
      client.send("DELETE", "/mcp", Map.of("Mcp-Session-Id", first), null);
      assertThat(client.initialize("2025-06-18")).isNotBlank();
    }
  }
}
