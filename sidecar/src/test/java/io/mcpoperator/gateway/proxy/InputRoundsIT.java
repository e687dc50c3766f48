package io.mcpoperator.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mcpoperator.gateway.Gateway;
import io.mcpoperator.gateway.testing.Configs;
import io.mcpoperator.gateway.testing.FakeUpstream;
import io.mcpoperator.mcp.jsonrpc.Json;
import io.mcpoperator.mcp.testing.EchoBackend;
import io.mcpoperator.mcp.testing.RawClient;
import io.mcpoperator.mcp.testing.TestServer;
import io.mcpoperator.mcp.transport.McpHttpEndpoint;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * 2026-07-28 clients through the gateway to a 2025-xx stdio upstream that asks for input while it
 * serves them: the gateway answers the client {@code input_required} (MRTR), keeps the upstream's
 * request waiting, and answers it with the client's retry. One gateway with a long request timeout,
 * one (the "other replica") with a short one for expiry.
 */
@org.junit.jupiter.api.Timeout(120)
class InputRoundsIT {
  private static final long SHORT_TIMEOUT_MS = 1500;
  private static Gateway gateway;
  private static Gateway shortLived;
  private static ModernCalls client;
  private static ModernCalls other;

  @BeforeAll
  static void start() {
    gateway = Gateway.start(Configs.stdio(FakeUpstream.command(), 20_000), "127.0.0.1");
    shortLived =
        Gateway.start(Configs.stdio(FakeUpstream.command(), (int) SHORT_TIMEOUT_MS), "127.0.0.1");
    await().atMost(Duration.ofSeconds(30)).until(() -> gateway.ready() && shortLived.ready());
    client = new ModernCalls(new RawClient("http://127.0.0.1:" + gateway.port()));
    other = new ModernCalls(new RawClient("http://127.0.0.1:" + shortLived.port()));
  }

  @AfterAll
  static void stop() {
    gateway.close();
    shortLived.close();
  }

  private static final String BOTH = "{\"elicitation\":{},\"sampling\":{}}";

  private static String ask(String... methods) {
    var list = Json.array();
    List.of(methods).forEach(list::add);
    return "{\"methods\":" + list.build() + "}";
  }

  @Test
  void anElicitationIsAskedAsInputRequiredAndTheRetryGetsTheResult() {
    JsonObject first = client.call(1, "ask", ask("elicitation/create"), BOTH);
    var inputs = ModernCalls.inputRequests(first);
    assertThat(inputs).hasSize(1);
    String key = inputs.keySet().iterator().next();
    assertThat(inputs.getJsonObject(key).getString("method")).isEqualTo("elicitation/create");
    assertThat(inputs.getJsonObject(key).getJsonObject("params").getString("message"))
        .isEqualTo("Name?");
    String state = first.getJsonObject("result").getString("requestState");

    JsonObject answer =
        client.retry(
            2,
            "ask",
            ask("elicitation/create"),
            BOTH,
            Map.of(key, "{\"action\":\"accept\",\"content\":{\"name\":\"Ada\"}}"),
            state);
    assertThat(answer.getInt("id")).isEqualTo(2);
    assertThat(answer.getJsonObject("result").getString("resultType")).isEqualTo("complete");
    assertThat(ModernCalls.text(answer))
        .isEqualTo("[{\"action\":\"accept\",\"content\":{\"name\":\"Ada\"}}]");

    // the state is spent with its retry
    JsonObject again =
        client.retry(
            3,
            "ask",
            ask("elicitation/create"),
            BOTH,
            Map.of(key, "{\"action\":\"decline\"}"),
            state);
    assertThat(ModernCalls.error(again).getInt("code")).isEqualTo(-32602);
    assertThat(ModernCalls.error(again).getString("message"))
        .contains("requestState expired or was already used", "send the request again");
  }

  @Test
  void eachRoundHasItsOwnStateAndTheLastRetryGetsTheResult() {
    String args = ask("elicitation/create", "sampling/createMessage");
    JsonObject first = client.call(10, "ask", args, BOTH);
    String elicitation = ModernCalls.onlyKey(first, "elicitation/create");
    String firstState = first.getJsonObject("result").getString("requestState");

    JsonObject second =
        client.retry(
            11,
            "ask",
            args,
            BOTH,
            Map.of(elicitation, "{\"action\":\"accept\",\"content\":{\"name\":\"Bo\"}}"),
            firstState);
    assertThat(second.getInt("id")).isEqualTo(11);
    String sampling = ModernCalls.onlyKey(second, "sampling/createMessage");
    String secondState = second.getJsonObject("result").getString("requestState");
    assertThat(secondState).isNotEqualTo(firstState);
    assertThat(
            ModernCalls.inputRequests(second)
                .getJsonObject(sampling)
                .getJsonObject("params")
                .getInt("maxTokens"))
        .isEqualTo(5);

    JsonObject done =
        client.retry(
            12,
            "ask",
            args,
            BOTH,
            Map.of(
                sampling,
                "{\"role\":\"assistant\",\"content\":{\"type\":\"text\",\"text\":\"hi\"},"
                    + "\"model\":\"m\",\"resultType\":\"complete\"}"),
            secondState);
    assertThat(done.getInt("id")).isEqualTo(12);
    // the upstream (2025-xx) gets the client's results without the 2026-07-28 resultType
    assertThat(ModernCalls.text(done))
        .isEqualTo(
            "[{\"action\":\"accept\",\"content\":{\"name\":\"Bo\"}},"
                + "{\"role\":\"assistant\",\"content\":{\"type\":\"text\",\"text\":\"hi\"},"
                + "\"model\":\"m\"}]");
  }

  @Test
  void inputsAskedWhileTheClientHoldsTheFirstComeInTheNextRound() {
    String args =
        "{\"methods\":[\"elicitation/create\",\"sampling/createMessage\"],\"together\":true}";
    JsonObject first = client.call(20, "ask", args, BOTH);
    String elicitation = ModernCalls.onlyKey(first, "elicitation/create");
    JsonObject second =
        client.retry(
            21,
            "ask",
            args,
            BOTH,
            Map.of(elicitation, "{\"action\":\"decline\"}"),
            first.getJsonObject("result").getString("requestState"));
    String sampling = ModernCalls.onlyKey(second, "sampling/createMessage");
    JsonObject done =
        client.retry(
            22,
            "ask",
            args,
            BOTH,
            Map.of(
                sampling,
                "{\"role\":\"assistant\",\"content\":{\"type\":\"text\",\"text\":\"x\"}}"),
            second.getJsonObject("result").getString("requestState"));
    assertThat(ModernCalls.text(done))
        .isEqualTo(
            "[{\"action\":\"decline\"},"
                + "{\"role\":\"assistant\",\"content\":{\"type\":\"text\",\"text\":\"x\"}}]");
  }

  @Test
  void aRetryThatDoesNotAnswerTheAskedKeysIsRefusedAndTheRequestWaitsOn() {
    String args = ask("elicitation/create");
    JsonObject first = client.call(30, "ask", args, BOTH);
    String key = ModernCalls.onlyKey(first, "elicitation/create");
    String state = first.getJsonObject("result").getString("requestState");

    JsonObject wrong =
        client.retry(31, "ask", args, BOTH, Map.of("nope", "{\"action\":\"decline\"}"), state);
    assertThat(wrong.getInt("id")).isEqualTo(31);
    assertThat(ModernCalls.error(wrong).getInt("code")).isEqualTo(-32602);
    assertThat(ModernCalls.error(wrong).getString("message"))
        .contains("inputResponses must answer every key", "missing [" + key + "]");

    JsonObject notAnObject = client.retry(32, "ask", args, BOTH, Map.of(key, "\"yes\""), state);
    assertThat(ModernCalls.error(notAnObject).getString("message"))
        .contains("inputResponses \"" + key + "\" must be an object");

    JsonObject otherRequest =
        client.retry(
            33, "ask", ask("roots/list"), BOTH, Map.of(key, "{\"action\":\"decline\"}"), state);
    assertThat(ModernCalls.error(otherRequest).getString("message"))
        .contains("requestState belongs to another request (tools/call \"ask\")");

    JsonObject right =
        client.retry(34, "ask", args, BOTH, Map.of(key, "{\"action\":\"cancel\"}"), state);
    assertThat(ModernCalls.text(right)).isEqualTo("[{\"action\":\"cancel\"}]");
  }

  @Test
  void aStateThisReplicaDidNotIssueOrNoLongerHoldsIsRefused() {
    String args = ask("elicitation/create");
    JsonObject first = client.call(40, "ask", args, BOTH);
    String key = ModernCalls.onlyKey(first, "elicitation/create");
    String state = first.getJsonObject("result").getString("requestState");

    // another replica (here: another gateway) does not hold it
    JsonObject elsewhere =
        other.retry(41, "ask", args, BOTH, Map.of(key, "{\"action\":\"decline\"}"), state);
    assertThat(ModernCalls.error(elsewhere).getInt("code")).isEqualTo(-32602);
    assertThat(ModernCalls.error(elsewhere).getString("message"))
        .contains(
            "held by another gateway replica", "send the request again without inputResponses");
    assertThat(ModernCalls.error(elsewhere).getJsonObject("data").getString("reason"))
        .isEqualTo("otherReplica");

    // this replica's prefix with a guessed secret
    String forged = state.substring(0, state.lastIndexOf('.') + 1) + "AAAAAAAAAAAAAAAAAAAAAA";
    JsonObject guessed =
        client.retry(42, "ask", args, BOTH, Map.of(key, "{\"action\":\"decline\"}"), forged);
    assertThat(ModernCalls.error(guessed).getJsonObject("data").getString("reason"))
        .isEqualTo("expired");

    // the real state still works
    JsonObject right =
        client.retry(43, "ask", args, BOTH, Map.of(key, "{\"action\":\"decline\"}"), state);
    assertThat(ModernCalls.text(right)).isEqualTo("[{\"action\":\"decline\"}]");
  }

  @Test
  void aParkedRequestIsCancelledUpstreamOnceTheRequestTimeoutPasses() throws Exception {
    String args = ask("elicitation/create");
    JsonObject first = other.call(50, "ask", args, BOTH);
    String key = ModernCalls.onlyKey(first, "elicitation/create");
    String state = first.getJsonObject("result").getString("requestState");

    // the upstream hears notifications/cancelled for the waiting call
    await()
        .atMost(Duration.ofMillis(SHORT_TIMEOUT_MS * 4))
        .untilAsserted(
            () ->
                assertThat(ModernCalls.text(other.call(51, "lastCancelled", "{}", "{}")))
                    .startsWith("\"gw-"));
    JsonObject late =
        other.retry(52, "ask", args, BOTH, Map.of(key, "{\"action\":\"decline\"}"), state);
    assertThat(ModernCalls.error(late).getString("message"))
        .contains("requestState expired or was already used");
  }

  @Test
  void aClientWithoutTheCapabilityIsNotAsked() {
    // the upstream's request is refused to it, as before: its tool reports the error
    JsonObject result = client.call(60, "ask", ask("elicitation/create"), "{\"sampling\":{}}");
    assertThat(result.getJsonObject("result").getString("resultType")).isEqualTo("complete");
    assertThat(ModernCalls.text(result)).isEqualTo("[\"error\"]");
  }

  @Test
  void aRequestStateOfTheUpstreamPassesThrough() {
    JsonObject result =
        client.call(70, "echo", "{\"text\":\"mine\"},\"requestState\":\"upstream-state\"", "{}");
    assertThat(ModernCalls.text(result)).isEqualTo("mine");
  }

  @Test
  void aSessionClientStillGetsTheRequestOnItsResponseStream() {
    var raw = new RawClient("http://127.0.0.1:" + gateway.port());
    var init =
        raw.post(
            Map.of(),
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{"
                + "\"protocolVersion\":\"2025-11-25\",\"capabilities\":{\"sampling\":{}},"
                + "\"clientInfo\":{\"name\":\"raw\",\"version\":\"1\"}}}");
    String session = init.headers().firstValue("Mcp-Session-Id").orElseThrow();
    var headers = Map.of("Mcp-Session-Id", session, "MCP-Protocol-Version", "2025-11-25");
    raw.post(headers, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
    var headersWithAccept = new java.util.HashMap<>(headers);
    headersWithAccept.put("Content-Type", "application/json");
    headersWithAccept.put("Accept", RawClient.ACCEPT_BOTH);
    try (var stream =
        raw.openStream(
            "POST",
            "/mcp",
            headersWithAccept,
            "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\","
                + "\"params\":{\"name\":\"sample\",\"arguments\":{}}}")) {
      JsonObject request = stream.nextJson();
      assertThat(request.getString("method")).isEqualTo("sampling/createMessage");
      var answered =
          raw.post(
              headers,
              "{\"jsonrpc\":\"2.0\",\"id\":"
                  + request.get("id")
                  + ",\"result\":{\"role\":\"assistant\",\"content\":{\"type\":\"text\","
                  + "\"text\":\"s\"},\"model\":\"m\"}}");
      assertThat(answered.statusCode()).isEqualTo(202);
      JsonObject result = stream.nextJson();
      assertThat(result.getInt("id")).isEqualTo(2);
      assertThat(result.getJsonObject("result").containsKey("resultType")).isFalse();
      assertThat(ModernCalls.text(result)).contains("\"model\":\"m\"");
    }
  }

  @Test
  void anUpstreamOnThisLibraryKeepsItsOwnRounds() {
    // the upstream serves the 2026-07-28 request itself (its backend asks for sampling): its
    // input_required passes through, and so does the retry with its requestState
    try (var upstream =
            new TestServer(McpHttpEndpoint.builder().backend(new EchoBackend()).build());
        Gateway front =
            Gateway.start(
                Configs.http("streamable-http", upstream.baseUri() + "/mcp"), "127.0.0.1")) {
      await().atMost(Duration.ofSeconds(30)).until(front::ready);
      var calls = new ModernCalls(new RawClient("http://127.0.0.1:" + front.port()));
      JsonObject first = calls.call(80, "sample", "{}", "{\"sampling\":{}}");
      String key = ModernCalls.onlyKey(first, "sampling/createMessage");
      JsonObject done =
          calls.retry(
              81,
              "sample",
              "{}",
              "{\"sampling\":{}}",
              Map.of(
                  key,
                  "{\"role\":\"assistant\",\"content\":{\"type\":\"text\",\"text\":\"u\"},"
                      + "\"model\":\"m\"}"),
              first.getJsonObject("result").getString("requestState"));
      assertThat(done.getInt("id")).isEqualTo(81);
      assertThat(ModernCalls.text(done)).contains("\"model\":\"m\"");
    }
  }

  /** 2026-07-28 requests as raw HTTP: the headers mirror the body, _meta on every request. */
  record ModernCalls(RawClient raw) {
    /** {@code arguments} is spliced into the params as is (it may be followed by more params). */
    JsonObject call(int id, String tool, String arguments, String capabilities) {
      String params = "\"name\":\"" + tool + "\",\"arguments\":" + arguments;
      return post(id, params, capabilities);
    }

    JsonObject retry(
        int id,
        String tool,
        String arguments,
        String capabilities,
        Map<String, String> responses,
        String state) {
      var answers = new StringBuilder("{");
      responses.forEach(
          (k, v) ->
              answers
                  .append(answers.length() > 1 ? "," : "")
                  .append('"')
                  .append(k)
                  .append("\":")
                  .append(v));
      answers.append('}');
      String params =
          "\"name\":\""
              + tool
              + "\",\"arguments\":"
              + arguments
              + ",\"inputResponses\":"
              + answers
              + ",\"requestState\":"
              + Json.write(Json.string(state));
      return post(id, params, capabilities);
    }

    private JsonObject post(int id, String params, String capabilities) {
      String body =
          "{\"jsonrpc\":\"2.0\",\"id\":"
              + id
              + ",\"method\":\"tools/call\",\"params\":{"
              + params
              + ",\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\","
              + "\"io.modelcontextprotocol/clientCapabilities\":"
              + capabilities
              + "}}}";
      String name = Json.parse(body).asJsonObject().getJsonObject("params").getString("name");
      var res =
          raw.post(
              Map.of(
                  "MCP-Protocol-Version", "2026-07-28",
                  "Mcp-Method", "tools/call",
                  "Mcp-Name", name),
              body);
      assertThat(res.statusCode()).as(res.body()).isEqualTo(200);
      return Json.parse(res.body()).asJsonObject();
    }

    static JsonObject inputRequests(JsonObject response) {
      JsonObject result = response.getJsonObject("result");
      assertThat(result.getString("resultType"))
          .as(response.toString())
          .isEqualTo("input_required");
      assertThat(result.getString("requestState")).isNotBlank();
      return result.getJsonObject("inputRequests");
    }

    /** The key of the only input request, which must be of {@code method}. */
    static String onlyKey(JsonObject response, String method) {
      JsonObject inputs = inputRequests(response);
      assertThat(inputs).hasSize(1);
      var entry = inputs.entrySet().iterator().next();
      assertThat(entry.getValue().asJsonObject().getString("method")).isEqualTo(method);
      return entry.getKey();
    }

    static String text(JsonObject response) {
      assertThat(response.containsKey("result")).as(response.toString()).isTrue();
      return response
          .getJsonObject("result")
          .getJsonArray("content")
          .getJsonObject(0)
          .getString("text");
    }

    static JsonObject error(JsonObject response) {
      assertThat(response.get("error")).as(response.toString()).isNotNull();
      assertThat(response.get("error")).isNotEqualTo(JsonValue.NULL);
      return response.getJsonObject("error");
    }
  }
}
