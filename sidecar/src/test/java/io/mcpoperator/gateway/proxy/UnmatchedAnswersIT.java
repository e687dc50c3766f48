package io.mcpoperator.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mcpoperator.gateway.Gateway;
import io.mcpoperator.gateway.testing.Configs;
import io.mcpoperator.gateway.testing.FakeUpstream;
import io.mcpoperator.mcp.jsonrpc.Json;
import io.mcpoperator.mcp.testing.RawClient;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * A stdio upstream that answers without the request's id (an SDK server refusing a request's
 * shape): the request it belongs to gets that answer when it is the only one in flight, else the
 * answer is counted and the request ends at its deadline, releasing its concurrency permit.
 */
@org.junit.jupiter.api.Timeout(120)
class UnmatchedAnswersIT {
  // valid JSON-RPC and a valid _meta object, but SDK servers refuse the related-task's shape
  private static final String BAD_META =
      "{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"tools/list\",\"params\":{\"_meta\":"
          + "{\"io.modelcontextprotocol/related-task\":5}}}";

  @Test
  void theOnlyRequestInFlightGetsAnIdlessError() {
    // a timeout longer than the client waits: before the fix the client gave up first
    try (Gateway gateway =
        Gateway.start(Configs.stdio(FakeUpstream.command(), 60_000), "127.0.0.1")) {
      await().atMost(Duration.ofSeconds(30)).until(gateway::ready);
      var raw = new RawClient("http://127.0.0.1:" + gateway.port());
      String session = raw.initialize("2025-06-18");

      var res = raw.post(Map.of("Mcp-Session-Id", session), BAD_META);

      assertThat(res.statusCode()).isEqualTo(200);
      JsonObject answer = Json.parse(res.body()).asJsonObject();
      assertThat(answer.getInt("id")).isEqualTo(9);
      assertThat(answer.getJsonObject("error").getInt("code")).isEqualTo(-32700);
    }
  }

  @Test
  void anAmbiguousIdlessErrorIsCountedAndTheRequestEndsAtItsDeadline() throws Exception {
    var config =
        Configs.stdio(
            FakeUpstream.command(),
            Json.object().add("requestTimeoutMs", 1500).add("maxConcurrentRequests", 2).build());
    try (Gateway gateway = Gateway.start(config, "127.0.0.1")) {
      await().atMost(Duration.ofSeconds(30)).until(gateway::ready);
      var raw = new RawClient("http://127.0.0.1:" + gateway.port());
      String session = raw.initialize("2025-06-18");
      var slow =
          CompletableFuture.supplyAsync(
              () -> raw.post(Map.of("Mcp-Session-Id", session), RawClient.call(1, "slow")));
      await().until(() -> gateway.upstreamSession().orElseThrow().inFlight() == 1);

      var bad = raw.post(Map.of("Mcp-Session-Id", session), BAD_META);

      JsonObject answer = Json.parse(bad.body()).asJsonObject();
      assertThat(answer.getInt("id")).isEqualTo(9);
      assertThat(answer.getJsonObject("error").getString("message")).contains("timed out");
      slow.get();
      // both permits are free again
      var after = raw.post(Map.of("Mcp-Session-Id", session), RawClient.call(2, "echo"));
      assertThat(after.statusCode()).isEqualTo(200);
      assertThat(after.body()).contains("\"t\"");
      var metrics =
          raw.send("GET", "/observe/metrics", Map.of("Accept", "text/plain"), null).body();
      assertThat(metrics).containsPattern("mcp_upstream_unmatched_answers_total\\{[^}]*no_id");
    }
  }
}
