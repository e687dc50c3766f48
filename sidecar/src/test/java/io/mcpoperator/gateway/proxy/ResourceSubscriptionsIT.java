package io.mcpoperator.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mcpoperator.gateway.Gateway;
import io.mcpoperator.gateway.testing.Configs;
import io.mcpoperator.gateway.testing.ResourceUpstream;
import io.mcpoperator.mcp.jsonrpc.Json;
import io.mcpoperator.mcp.testing.RawClient;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Resource subscriptions through one gateway without Redis (sessions in memory): the upstream (a
 * real stdio process, {@link ResourceUpstream}) follows a resource while a session does, is
 * subscribed again when it restarts, and is unsubscribed when the last subscriber leaves.
 */
@org.junit.jupiter.api.Timeout(120)
class ResourceSubscriptionsIT {

  private static String call(RawClient client, String session, String method, String params) {
    return client
        .post(
            Map.of("Mcp-Session-Id", session),
            "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\""
                + method
                + "\",\"params\":"
                + params
                + "}")
        .body();
  }

  private static String tool(RawClient client, String session, String name, String uri) {
    String body =
        call(
            client,
            session,
            "tools/call",
            "{\"name\":\"" + name + "\",\"arguments\":{\"uri\":\"" + uri + "\"}}");
    JsonObject result = Json.parse(body).asJsonObject().getJsonObject("result");
    return result == null
        ? body
        : result.getJsonArray("content").getJsonObject(0).getString("text");
  }

  @Test
  void theUpstreamFollowsWhatSessionsFollowAcrossItsRestarts() {
    try (Gateway gateway =
        Gateway.start(Configs.stdio(ResourceUpstream.command("solo"), 10_000), "127.0.0.1")) {
      await().atMost(Duration.ofSeconds(30)).until(gateway::ready);
      var client = new RawClient("http://127.0.0.1:" + gateway.port());
      String first = client.initialize("2025-11-25");
      String second = client.initialize("2025-11-25");
      var headers = Map.of("Accept", "text/event-stream", "Mcp-Session-Id", first);
      try (var stream = client.openStream("GET", "/mcp", headers, null)) {
        assertThat(call(client, first, "resources/subscribe", "{\"uri\":\"test://a\"}"))
            .contains("\"result\":{}");
        assertThat(call(client, second, "resources/subscribe", "{\"uri\":\"test://nope\"}"))
            .as("the upstream's refusal reaches the client and records nothing")
            .contains("-32002");
        assertThat(call(client, second, "resources/subscribe", "{\"uri\":\"test://a\"}"))
            .contains("\"result\":{}");

        call(client, second, "tools/call", "{\"name\":\"crash\",\"arguments\":{}}");
        await()
            .atMost(Duration.ofSeconds(30))
            .untilAsserted(
                () -> assertThat(tool(client, second, "subscriptions", "")).isEqualTo("test://a"));
        assertThat(tool(client, second, "change", "test://a")).isEqualTo("subscribed");
        JsonObject updated = stream.nextJson();
        assertThat(updated.getString("method")).isEqualTo("notifications/resources/updated");
        assertThat(updated.getJsonObject("params").getString("uri")).isEqualTo("test://a");

        assertThat(call(client, first, "resources/unsubscribe", "{\"uri\":\"test://a\"}"))
            .contains("\"result\":{}");
        assertThat(tool(client, second, "subscriptions", ""))
            .as("another session still follows it")
            .isEqualTo("test://a");
        assertThat(
                client.send("DELETE", "/mcp", Map.of("Mcp-Session-Id", second), null).statusCode())
            .isEqualTo(200);
        await().untilAsserted(() -> assertThat(tool(client, first, "subscriptions", "")).isEmpty());

        // the last subscriber unsubscribing: the upstream hears it once (a second unsubscribe
        // would be refused by this strict upstream, and the client would see the error)
        assertThat(call(client, first, "resources/subscribe", "{\"uri\":\"test://a\"}"))
            .contains("\"result\":{}");
        assertThat(call(client, first, "resources/unsubscribe", "{\"uri\":\"test://a\"}"))
            .contains("\"result\":{}");
        assertThat(tool(client, first, "subscriptions", "")).isEmpty();
      }
    }
  }
}
