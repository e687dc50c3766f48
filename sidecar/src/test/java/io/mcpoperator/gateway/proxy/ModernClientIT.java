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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * 2026-07-28 (stateless) clients through the gateway to an upstream that only speaks 2025-xx: the
 * gateway keeps its own initialized upstream session, answers {@code server/discover} from the
 * upstream's initialize result, and returns results the modern way.
 */
@org.junit.jupiter.api.Timeout(120)
class ModernClientIT {
  private static final String META =
      "\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\","
          + "\"io.modelcontextprotocol/clientCapabilities\":{\"sampling\":{}}}";
  private static Gateway gateway;
  private static RawClient client;

  @BeforeAll
  static void start() {
    gateway = Gateway.start(Configs.stdio(FakeUpstream.command(), 5000), "127.0.0.1");
    await().atMost(Duration.ofSeconds(30)).until(gateway::ready);
    client = new RawClient("http://127.0.0.1:" + gateway.port());
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  private static JsonObject call(String method, String name, String params) {
    return call(method, name, params, META);
  }

  private static JsonObject call(String method, String name, String params, String meta) {
    var headers = new java.util.HashMap<String, String>();
    headers.put("MCP-Protocol-Version", "2026-07-28");
    headers.put("Mcp-Method", method);
    if (name != null) {
      headers.put("Mcp-Name", name);
    }
    var res =
        client.post(
            headers,
            "{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\""
                + method
                + "\",\"params\":{"
                + params
                + meta
                + "}}");
    assertThat(res.statusCode()).as(res.body()).isEqualTo(200);
    assertThat(res.headers().firstValue("Mcp-Session-Id")).isEmpty();
    return Json.parse(res.body()).asJsonObject().getJsonObject("result");
  }

  @Test
  void discoverAnswersFromTheUpstreamsInitializeResult() {
    JsonObject result = call("server/discover", null, "");
    assertThat(result.getJsonObject("serverInfo").getString("name")).isEqualTo("fake");
    assertThat(result.getJsonObject("capabilities").containsKey("tools")).isTrue();
    assertThat(result.getJsonArray("supportedVersions").toString())
        .contains("2026-07-28", "2025-11-25");
    assertThat(result.getString("resultType")).isEqualTo("complete");
  }

  @Test
  void toolCallsReachTheLegacyUpstreamWithoutAnySession() {
    JsonObject result =
        call("tools/call", "echo", "\"name\":\"echo\",\"arguments\":{\"text\":\"hi\"},");
    assertThat(result.getJsonArray("content").getJsonObject(0).getString("text")).isEqualTo("hi");
    assertThat(result.getString("resultType")).isEqualTo("complete");
  }

  @Test
  void anUpstreamRequestToAModernClientWithoutTheCapabilityIsRefusedToTheUpstream() {
    // the client cannot be asked for sampling (it did not declare it in _meta): the upstream's
    // sampling request gets an error (it answers its tool call with "error"); with the capability
    // the client is asked through input_required (InputRoundsIT)
    JsonObject result =
        call(
            "tools/call",
            "sample",
            "\"name\":\"sample\",\"arguments\":{},",
            META.replace("{\"sampling\":{}}", "{}"));
    assertThat(result.getJsonArray("content").getJsonObject(0).getString("text"))
        .isEqualTo("error");
  }

  @Test
  void aModernRequestWithoutItsHeadersIsRefused() {
    var res =
        client.post(
            Map.of("MCP-Protocol-Version", "2026-07-28"),
            "{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"tools/list\",\"params\":{" + META + "}}");
    assertThat(res.statusCode()).isEqualTo(400);
    assertThat(res.body()).contains("-32020", "Mcp-Method");
  }

  private static java.net.http.HttpResponse<String> post(String method, String params) {
    return client.post(
        Map.of("MCP-Protocol-Version", "2026-07-28", "Mcp-Method", method),
        "{\"jsonrpc\":\"2.0\",\"id\":41,\"method\":\""
            + method
            + "\",\"params\":{"
            + params
            + "}}");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "initialize",
        "ping",
        "logging/setLevel",
        "resources/subscribe",
        "resources/unsubscribe"
      })
  void methodsTheRevisionRemovedAreNotFound(String method) {
    var res = post(method, META);
    assertThat(res.statusCode()).as(res.body()).isEqualTo(404);
    JsonObject body = Json.parse(res.body()).asJsonObject();
    assertThat(body.getInt("id")).isEqualTo(41);
    assertThat(body.getJsonObject("error").getInt("code")).isEqualTo(-32601);
    assertThat(body.getJsonObject("error").getString("message"))
        .contains(method, "not part of protocol version 2026-07-28");
    assertThat(res.headers().firstValue("Mcp-Session-Id")).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"tools/list", "prompts/list", "resources/list"})
  void listsSayHowLongAndForWhomTheyMayBeCached(String method) {
    JsonObject result = call(method, null, "");
    assertThat(result.getString("cacheScope")).isEqualTo("private");
    assertThat(result.getJsonNumber("ttlMs").longValue()).isZero();
    assertThat(result.getString("resultType")).isEqualTo("complete");
  }

  @Test
  void aToolCallResultCarriesNoCachingHints() {
    JsonObject result =
        call("tools/call", "echo", "\"name\":\"echo\",\"arguments\":{\"text\":\"hi\"},");
    assertThat(result.containsKey("cacheScope")).isFalse();
    assertThat(result.containsKey("ttlMs")).isFalse();
  }

  @Test
  void discoverNamesTheServerInItsMeta() {
    JsonObject result = call("server/discover", null, "");
    assertThat(
            result
                .getJsonObject("_meta")
                .getJsonObject("io.modelcontextprotocol/serverInfo")
                .getString("name"))
        .isEqualTo("fake");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "", // no _meta at all
        "\"_meta\":{\"io.modelcontextprotocol/clientCapabilities\":{}}",
        "\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\"}"
      })
  void aRefusedRequestsErrorCarriesItsId(String params) {
    var res = post("server/discover", params);
    assertThat(res.statusCode()).as(res.body()).isEqualTo(400);
    assertThat(Json.parse(res.body()).asJsonObject().getInt("id")).isEqualTo(41);
  }

  @Test
  void anUnsupportedVersionHeaderIsRefusedWithTheRequestsId() {
    var res =
        client.post(
            Map.of("MCP-Protocol-Version", "v999.0.0", "Mcp-Method", "server/discover"),
            "{\"jsonrpc\":\"2.0\",\"id\":42,\"method\":\"server/discover\",\"params\":{"
                + META.replace("2026-07-28", "v999.0.0")
                + "}}");
    assertThat(res.statusCode()).isEqualTo(400);
    JsonObject body = Json.parse(res.body()).asJsonObject();
    assertThat(body.getInt("id")).isEqualTo(42);
    assertThat(body.getJsonObject("error").getJsonObject("data").getString("requested"))
        .isEqualTo("v999.0.0");
  }

  @Test
  void aListenStreamIsAcknowledgedThenHearsTheListChangesItAskedFor() throws Exception {
    var http = java.net.http.HttpClient.newHttpClient();
    var request =
        java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://127.0.0.1:" + gateway.port() + "/mcp"))
            .header("Content-Type", "application/json")
            .header("Accept", "application/json, text/event-stream")
            .header("MCP-Protocol-Version", "2026-07-28")
            .header("Mcp-Method", "subscriptions/listen")
            .POST(
                java.net.http.HttpRequest.BodyPublishers.ofString(
                    "{\"jsonrpc\":\"2.0\",\"id\":77,\"method\":\"subscriptions/listen\","
                        + "\"params\":{\"notifications\":{\"toolsListChanged\":true,"
                        + "\"resourceSubscriptions\":[\"file:///x\"]},"
                        + META
                        + "}}"))
            .build();
    var response = http.send(request, java.net.http.HttpResponse.BodyHandlers.ofLines());
    assertThat(response.statusCode()).isEqualTo(200);
    var lines =
        response.body().filter(l -> l.startsWith("data: ")).map(l -> l.substring(6)).iterator();
    JsonObject ack = Json.parse(lines.next()).asJsonObject();
    assertThat(ack.getString("method")).isEqualTo("notifications/subscriptions/acknowledged");
    // only what the server can honour: tools announce listChanged, resource updates are not offered
    assertThat(ack.getJsonObject("params").getJsonObject("notifications").toString())
        .isEqualTo("{\"toolsListChanged\":true}");
    assertThat(
            ack.getJsonObject("params")
                .getJsonObject("_meta")
                .getInt("io.modelcontextprotocol/subscriptionId"))
        .isEqualTo(77);

    call("tools/call", "notify", "\"name\":\"notify\",\"arguments\":{},");
    JsonObject changed = Json.parse(lines.next()).asJsonObject();
    assertThat(changed.getString("method")).isEqualTo("notifications/tools/list_changed");
    assertThat(
            changed
                .getJsonObject("params")
                .getJsonObject("_meta")
                .getInt("io.modelcontextprotocol/subscriptionId"))
        .isEqualTo(77);
  }

  @Test
  void aListenRequestWithoutItsFilterIsRefused() {
    var res = post("subscriptions/listen", META);
    assertThat(res.statusCode()).isEqualTo(400);
    assertThat(res.body()).contains("-32602", "params.notifications");
  }
}
