package io.mcpoperator.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mcpoperator.gateway.testing.Configs;
import io.mcpoperator.gateway.testing.FakeUpstream;
import io.mcpoperator.mcp.testing.RawClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Shutdown is graceful but prompt: open streams end at once (clients reconnect elsewhere), new
 * requests are refused, a call in flight still gets its answer.
 */
@org.junit.jupiter.api.Timeout(120)
class GatewayShutdownIT {
  static final int STREAMS = 5;

  /** A tools/call of the fake upstream's gate tool, answered once {@code file} exists. */
  static String gateCall(Path file) {
    return "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/call\",\"params\":{\"name\":\"gate\","
        + "\"arguments\":{\"path\":\""
        + file
        + "\"},\"_meta\":{\"progressToken\":\"p1\"}}}";
  }

  static Map<String, String> streamHeaders(String session) {
    return Map.of(
        "Accept",
        RawClient.ACCEPT_BOTH,
        "Content-Type",
        "application/json",
        "Mcp-Session-Id",
        session,
        "MCP-Protocol-Version",
        "2025-11-25");
  }

  @Test
  void closingEndsOpenStreamsAtOnceAndLetsTheCallInFlightFinish(@TempDir Path dir)
      throws Exception {
    Gateway gateway = Gateway.start(Configs.stdio(FakeUpstream.command(), 60_000), "127.0.0.1");
    await().atMost(Duration.ofSeconds(30)).until(gateway::ready);
    var client = new RawClient("http://127.0.0.1:" + gateway.port());
    List<RawClient.SseReader> streams = new ArrayList<>();
    for (int i = 0; i < STREAMS; i++) {
      String session = client.initialize("2025-11-25");
      var stream = client.openStream("GET", "/mcp", streamHeaders(session), null);
      assertThat(stream.response.statusCode()).isEqualTo(200);
      streams.add(stream);
    }
    var legacy = client.openStream("GET", "/sse", Map.of("Accept", "text/event-stream"), null);
    assertThat(legacy.next().get("event")).isEqualTo("endpoint");
    String session = client.initialize("2025-11-25");
    Path open = dir.resolve("open");
    var call = client.openStream("POST", "/mcp", streamHeaders(session), gateCall(open));
    assertThat(call.nextJson().getString("method")).isEqualTo("notifications/progress");

    // a grace period far beyond this test's timeout: only the prompt path can end the streams
    var closed = CompletableFuture.runAsync(() -> gateway.close(Duration.ofHours(1)));
    for (var stream : streams) {
      assertThat(stream.next()).as("the GET stream ended").isEmpty();
    }
    assertThat(legacy.next()).as("the legacy SSE stream ended").isEmpty();
    var refused = client.post(Map.of(), RawClient.initializeBody("2025-11-25"));
    assertThat(refused.statusCode()).isEqualTo(503);
    assertThat(refused.headers().firstValue("Retry-After")).contains("1");
    assertThat(refused.body()).contains("-32003", "shutting down");
    assertThat(client.send("GET", "/observe/health/ready", Map.of(), null).statusCode())
        .as("not ready while draining")
        .isEqualTo(503);
    assertThat(closed).as("close waits for the call in flight").isNotDone();

    Files.createFile(open);
    var answer = call.nextJson();
    assertThat(answer.getJsonObject("result").toString()).contains("opened by fake");
    closed.get(30, TimeUnit.SECONDS);
  }
}
