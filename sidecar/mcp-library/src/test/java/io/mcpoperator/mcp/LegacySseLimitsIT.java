package io.mcpoperator.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcpoperator.mcp.jsonrpc.Json;
import io.mcpoperator.mcp.testing.EchoBackend;
import io.mcpoperator.mcp.testing.RawClient;
import io.mcpoperator.mcp.testing.TestServer;
import io.mcpoperator.mcp.transport.McpHttpEndpoint;
import io.mcpoperator.mcp.transport.TransportLimits;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code maxConcurrentRequests} on the legacy HTTP+SSE transport: a POST to the message endpoint
 * beyond it is answered 429 with Retry-After (its requests do not run), as on Streamable HTTP.
 */
@org.junit.jupiter.api.Timeout(60)
class LegacySseLimitsIT {
  private static final Map<String, String> JSON = Map.of("Content-Type", "application/json");
  private final EchoBackend backend = new EchoBackend();
  private TestServer server;
  private RawClient client;

  private void start(int maxConcurrentRequests) {
    var limits =
        new TransportLimits(
            1 << 20, Duration.ofSeconds(20), maxConcurrentRequests, Duration.ofSeconds(15), 64);
    server = new TestServer(McpHttpEndpoint.builder().backend(backend).limits(limits).build());
    client = new RawClient(server.baseUri());
  }

  @AfterEach
  void stop() {
    backend.release.countDown();
    server.close();
  }

  private HttpResponse<String> post(String endpoint, String body) {
    return client.send("POST", endpoint, JSON, body);
  }

  private static String call(int id, String tool) {
    return RawClient.call(id, tool);
  }

  @Test
  void aPostBeyondTheConcurrencyLimitGets429AndRunsNothing() {
    start(1);
    try (var stream =
        client.openStream("GET", "/sse", Map.of("Accept", "text/event-stream"), null)) {
      String endpoint = stream.next().get("data");
      assertThat(post(endpoint, RawClient.initializeBody("2024-11-05")).statusCode())
          .as("initialize is answered at once and holds no permit")
          .isEqualTo(202);
      assertThat(stream.nextJson().getJsonObject("result").getString("protocolVersion"))
          .isEqualTo("2024-11-05");

      assertThat(post(endpoint, call(2, "block")).statusCode()).isEqualTo(202);
      HttpResponse<String> refused = post(endpoint, call(3, "echo"));
      assertThat(refused.statusCode()).isEqualTo(429);
      assertThat(refused.headers().firstValue("Retry-After")).contains("1");
      JsonObject error = Json.parse(refused.body()).asJsonObject().getJsonObject("error");
      assertThat(error.getInt("code")).isEqualTo(-32003);
      assertThat(error.getString("message")).contains("more than 1 requests in flight");

      backend.release.countDown();
      JsonObject released = stream.nextJson();
      assertThat(released.getInt("id")).as("the refused echo never ran").isEqualTo(2);
      assertThat(released.toString()).contains("released");

      assertThat(post(endpoint, call(4, "echo")).statusCode())
          .as("the permit came back with the answer")
          .isEqualTo(202);
      assertThat(stream.nextJson().getInt("id")).isEqualTo(4);
    }
  }

  @Test
  void aBatchLargerThanTheLimitIsRefusedWhole() {
    start(2);
    try (var stream =
        client.openStream("GET", "/sse", Map.of("Accept", "text/event-stream"), null)) {
      String endpoint = stream.next().get("data");
      String batch = "[" + call(1, "echo") + "," + call(2, "echo") + "," + call(3, "echo") + "]";
      assertThat(post(endpoint, batch).statusCode()).isEqualTo(429);
      String two = "[" + call(4, "echo") + "," + call(5, "echo") + "]";
      assertThat(post(endpoint, two).statusCode()).isEqualTo(202);
      assertThat(stream.next(2))
          .extracting(e -> Json.parse(e.get("data")).asJsonObject().getInt("id"))
          .containsExactlyInAnyOrder(4, 5);
    }
  }
}
