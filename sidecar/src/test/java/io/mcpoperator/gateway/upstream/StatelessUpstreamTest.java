package io.mcpoperator.gateway.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mcpoperator.mcp.jsonrpc.Json;
import io.mcpoperator.mcp.jsonrpc.JsonRpcCodec;
import io.mcpoperator.mcp.jsonrpc.JsonRpcError;
import io.mcpoperator.mcp.jsonrpc.JsonRpcMessage;
import io.mcpoperator.mcp.jsonrpc.JsonRpcMessage.Failure;
import io.mcpoperator.mcp.jsonrpc.JsonRpcMessage.Notification;
import io.mcpoperator.mcp.jsonrpc.JsonRpcMessage.Request;
import io.mcpoperator.mcp.jsonrpc.JsonRpcMessage.Result;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The adapter's decisions, against a scripted inner upstream. */
class StatelessUpstreamTest {

  /** An inner upstream that records what is sent and lets the test answer. */
  private static final class Scripted implements Upstream {
    final List<JsonRpcMessage> sent = new CopyOnWriteArrayList<>();
    UpstreamListener listener;
    boolean down;

    @Override
    public void start(UpstreamListener listener) {
      this.listener = listener;
    }

    @Override
    public void send(JsonRpcMessage message) throws IOException {
      if (down) {
        throw new IOException("connection refused");
      }
      sent.add(message);
    }

    @Override
    public String describe() {
      return "scripted";
    }

    @Override
    public void close() {}

    Request lastRequest() {
      return (Request) sent.getLast();
    }

    void answer(JsonRpcMessage message) {
      listener.received(message, Optional.empty());
    }
  }

  /** What the gateway's upstream session would see. */
  private static final class Seen implements UpstreamListener {
    final List<JsonRpcMessage> received = new CopyOnWriteArrayList<>();
    final List<Optional<JsonValue>> related = new CopyOnWriteArrayList<>();
    final List<String> disconnects = new CopyOnWriteArrayList<>();

    @Override
    public void connected() {}

    @Override
    public void received(JsonRpcMessage message, Optional<JsonValue> relatedRequestId) {
      received.add(message);
      related.add(relatedRequestId);
    }

    @Override
    public void disconnected(String reason) {
      disconnects.add(reason);
    }
  }

  private final Scripted inner = new Scripted();
  private final Seen seen = new Seen();

  private static final Request INITIALIZE =
      new Request(
          Json.string("gw-init-1"),
          "initialize",
          Json.object()
              .add("protocolVersion", "2025-11-25")
              .add("capabilities", Json.object().add("elicitation", Json.object()))
              .add("clientInfo", Json.object().add("name", "mcp-gateway").add("version", "0.1.0"))
              .build());

  private static Failure refusal() {
    return new Failure(
        Json.string("gw-init-1"),
        JsonRpcError.of(JsonRpcError.UNSUPPORTED_PROTOCOL_VERSION, "Unsupported protocol version"));
  }

  private static Result discovered(String... versions) {
    var list = Json.array();
    for (String v : versions) {
      list.add(v);
    }
    return new Result(
        Json.string("gw-init-1/discover"),
        Json.object()
            .add("resultType", "complete")
            .add("supportedVersions", list)
            .add("capabilities", Json.object().add("tools", Json.object()))
            .add("serverInfo", Json.object().add("name", "modern").add("version", "2"))
            .build());
  }

  private StatelessUpstream stateless() throws IOException {
    var adapter = StatelessUpstream.negotiating(inner);
    adapter.start(seen);
    adapter.send(INITIALIZE);
    inner.answer(refusal());
    inner.answer(discovered("2026-07-28"));
    seen.received.clear();
    seen.related.clear();
    inner.sent.clear();
    return adapter;
  }

  private static Request call(String id, String tool) {
    return new Request(
        Json.string(id),
        "tools/call",
        Json.object().add("name", tool).add("arguments", Json.object()).build());
  }

  private static Result inputRequired(JsonValue id, JsonObject requests) {
    var result = Json.object().add("resultType", "input_required").add("requestState", "s1");
    if (requests != null) {
      result.add("inputRequests", requests);
    }
    return new Result(id, result.build());
  }

  private static JsonObject elicit() {
    return Json.object()
        .add(
            "who",
            Json.object()
                .add("method", "elicitation/create")
                .add("params", Json.object().add("message", "Who?")))
        .build();
  }

  private String lastError() {
    return ((Failure) seen.received.getLast()).error().message();
  }

  @Test
  void anUpstreamThatInitializesIsPassedThroughUntouched() throws IOException {
    var adapter = StatelessUpstream.negotiating(inner);
    adapter.start(seen);
    adapter.send(INITIALIZE);
    var ok =
        new Result(
            Json.string("gw-init-1"), Json.object().add("protocolVersion", "2025-11-25").build());
    inner.answer(ok);
    Request call = call("gw-1", "echo");
    adapter.send(call);
    var initialized = new Notification("notifications/initialized", JsonValue.EMPTY_JSON_OBJECT);
    adapter.send(initialized);
    assertThat(inner.sent).containsExactly(INITIALIZE, call, initialized);
    assertThat(seen.received).containsExactly(ok);
    assertThat(adapter.protocolVersion()).isEmpty();
    assertThat(adapter.describe()).isEqualTo("scripted");
  }

  @Test
  void aRefusedInitializeIsAnsweredFromServerDiscover() throws IOException {
    var adapter = StatelessUpstream.negotiating(inner);
    adapter.start(seen);
    adapter.send(INITIALIZE);
    inner.answer(refusal());
    Request discover = inner.lastRequest();
    assertThat(discover.method()).isEqualTo("server/discover");
    assertThat(Json.write(discover.params()))
        .isEqualTo(
            "{\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\","
                + "\"io.modelcontextprotocol/clientCapabilities\":{\"elicitation\":{}},"
                + "\"io.modelcontextprotocol/clientInfo\":{\"name\":\"mcp-gateway\",\"version\":\"0.1.0\"}}}");
    inner.answer(discovered("2025-11-25", "2026-07-28"));
    assertThat(JsonRpcCodec.encode(seen.received.getLast()))
        .isEqualTo(
            "{\"jsonrpc\":\"2.0\",\"id\":\"gw-init-1\",\"result\":{\"protocolVersion\":\"2026-07-28\","
                + "\"capabilities\":{\"tools\":{}},\"serverInfo\":{\"name\":\"modern\",\"version\":\"2\"}}}");
    assertThat(adapter.protocolVersion()).contains("2026-07-28");
    assertThat(adapter.describe()).isEqualTo("scripted (stateless 2026-07-28)");
    // a reconnection goes straight to server/discover
    inner.sent.clear();
    adapter.send(INITIALIZE);
    assertThat(inner.lastRequest().method()).isEqualTo("server/discover");
  }

  @Test
  void anUpstreamOfferingNoStatelessVersionKeepsItsRefusal() throws IOException {
    var adapter = StatelessUpstream.negotiating(inner);
    adapter.start(seen);
    adapter.send(INITIALIZE);
    inner.answer(refusal());
    inner.answer(discovered("2027-01-01"));
    assertThat(seen.received).containsExactly(refusal());
    assertThat(adapter.protocolVersion()).isEmpty();
  }

  @Test
  void aForcedUpstreamThatCannotDiscoverIsReported() throws IOException {
    var adapter = StatelessUpstream.forced(inner);
    adapter.start(seen);
    adapter.send(INITIALIZE);
    assertThat(inner.sent)
        .extracting(m -> ((Request) m).method())
        .containsExactly("server/discover");
    inner.answer(
        new Failure(
            Json.string("gw-init-1/discover"), JsonRpcError.methodNotFound("server/discover")));
    assertThat(seen.received.getLast().toString()).contains("gw-init-1");
    assertThat(lastError())
        .isEqualTo("Upstream did not answer server/discover: Method not found: server/discover");
  }

  @Test
  void aForcedUpstreamOfferingOtherVersionsIsReported() throws IOException {
    var adapter = StatelessUpstream.forced(inner);
    adapter.start(seen);
    adapter.send(INITIALIZE);
    inner.answer(discovered("2027-01-01"));
    assertThat(((Failure) seen.received.getLast()).error().code())
        .isEqualTo(JsonRpcError.UNSUPPORTED_PROTOCOL_VERSION);
    assertThat(lastError())
        .isEqualTo(
            "Upstream offers protocol versions [\"2027-01-01\"], none of which the gateway speaks"
                + " statelessly ([2026-07-28])");
  }

  @Test
  void requestsGainMetaAndResultsLoseResultType() throws IOException {
    var adapter = stateless();
    adapter.send(
        new Request(
            Json.string("gw-1"),
            "tools/list",
            Json.object().add("_meta", Json.object().add("progressToken", "gw-1")).build()));
    JsonObject meta = inner.lastRequest().params().getJsonObject("_meta");
    assertThat(meta.getString("progressToken")).isEqualTo("gw-1");
    assertThat(meta.getString("io.modelcontextprotocol/protocolVersion")).isEqualTo("2026-07-28");
    inner.answer(
        new Result(
            Json.string("gw-1"),
            Json.object().add("resultType", "complete").add("tools", Json.array()).build()));
    assertThat(JsonRpcCodec.encode(seen.received.getLast()))
        .isEqualTo("{\"jsonrpc\":\"2.0\",\"id\":\"gw-1\",\"result\":{\"tools\":[]}}");
    adapter.send(new Notification("notifications/initialized", JsonValue.EMPTY_JSON_OBJECT));
    adapter.send(new Notification("notifications/roots/list_changed", JsonValue.EMPTY_JSON_OBJECT));
    assertThat(inner.sent).hasSize(1);
  }

  @Test
  void inputRequestsBecomeRelatedServerRequestsAndTheAnswersARetry() throws IOException {
    var adapter = stateless();
    adapter.send(call("gw-2", "greet"));
    inner.answer(inputRequired(Json.string("gw-2"), elicit()));
    Request asked = (Request) seen.received.getLast();
    assertThat(asked.method()).isEqualTo("elicitation/create");
    assertThat(asked.params().getString("message")).isEqualTo("Who?");
    assertThat(seen.related.getLast()).contains(Json.string("gw-2"));
    adapter.send(
        new Result(
            asked.id(),
            Json.object()
                .add("action", "accept")
                .add("content", Json.object().add("name", "Ada"))
                .build()));
    Request retry = inner.lastRequest();
    assertThat(retry.id()).isEqualTo(Json.string("gw-2/retry-1"));
    assertThat(retry.params().getString("requestState")).isEqualTo("s1");
    assertThat(Json.write(retry.params().getJsonObject("inputResponses")))
        .isEqualTo("{\"who\":{\"action\":\"accept\",\"content\":{\"name\":\"Ada\"}}}");
    // a notification on the retry's stream is related to the gateway's request
    inner.listener.received(
        new Notification("notifications/message", JsonValue.EMPTY_JSON_OBJECT),
        Optional.of(Json.string("gw-2/retry-1")));
    assertThat(seen.related.getLast()).contains(Json.string("gw-2"));
    inner.answer(
        new Result(
            retry.id(), Json.object().add("resultType", "complete").add("ok", true).build()));
    assertThat(JsonRpcCodec.encode(seen.received.getLast()))
        .isEqualTo("{\"jsonrpc\":\"2.0\",\"id\":\"gw-2\",\"result\":{\"ok\":true}}");
    assertThat(adapter.inFlight()).isZero();
  }

  @Test
  void stateAloneIsRetriedAtOnce() throws IOException {
    var adapter = stateless();
    adapter.send(call("gw-3", "shed"));
    inner.answer(inputRequired(Json.string("gw-3"), null));
    Request retry = inner.lastRequest();
    assertThat(retry.id()).isEqualTo(Json.string("gw-3/retry-1"));
    assertThat(retry.params().containsKey("inputResponses")).isFalse();
    assertThat(retry.params().getString("requestState")).isEqualTo("s1");
  }

  @Test
  void malformedRoundsEndTheRequestWithAClearError() throws IOException {
    var adapter = stateless();
    adapter.send(call("gw-4", "odd"));
    inner.answer(
        new Result(Json.string("gw-4"), Json.object().add("resultType", "input_required").build()));
    assertThat(lastError())
        .isEqualTo(
            "Internal error: the upstream answered tools/call with input_required but neither"
                + " inputRequests nor requestState");
    adapter.send(call("gw-5", "odd"));
    inner.answer(
        inputRequired(
            Json.string("gw-5"),
            Json.object().add("x", Json.object().add("method", "tools/call")).build()));
    assertThat(lastError())
        .isEqualTo(
            "Internal error: the upstream asked for input \"x\" that is not one of"
                + " [elicitation/create, sampling/createMessage, roots/list]:"
                + " {\"method\":\"tools/call\"}");
    adapter.send(call("gw-6", "odd"));
    inner.answer(new Result(Json.string("gw-6"), Json.object().add("resultType", "task").build()));
    assertThat(lastError())
        .isEqualTo(
            "Internal error: the upstream answered tools/call with resultType \"task\", which the"
                + " gateway does not know");
    assertThat(adapter.inFlight()).isZero();
  }

  @Test
  void aCancelledRequestIsCancelledUpstreamAndItsLateAnswersDropped() throws IOException {
    var adapter = stateless();
    adapter.send(call("gw-7", "greet"));
    inner.answer(inputRequired(Json.string("gw-7"), elicit()));
    Request asked = (Request) seen.received.getLast();
    adapter.send(
        new Notification(
            "notifications/cancelled",
            Json.object().add("requestId", "gw-7").add("reason", "timed out").build()));
    assertThat(JsonRpcCodec.encode(inner.sent.getLast()))
        .isEqualTo(
            "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":{\"requestId\":\"gw-7\","
                + "\"reason\":\"timed out\",\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\"}}}");
    int sent = inner.sent.size();
    adapter.send(new Result(asked.id(), Json.object().add("action", "accept").build()));
    assertThat(inner.sent).hasSize(sent);
    assertThat(adapter.inFlight()).isZero();
  }

  @Test
  void aRetryThatCannotBeSentFailsTheRequest() throws IOException {
    var adapter = stateless();
    adapter.send(call("gw-8", "greet"));
    inner.answer(inputRequired(Json.string("gw-8"), elicit()));
    Request asked = (Request) seen.received.getLast();
    inner.down = true;
    adapter.send(new Result(asked.id(), Json.object().add("action", "accept").build()));
    assertThat(lastError())
        .as("the client is not shown the gateway's I/O error")
        .isEqualTo("Upstream MCP server unavailable (the gateway log has the cause)");
    assertThatThrownBy(() -> adapter.send(call("gw-9", "echo"))).isInstanceOf(IOException.class);
    assertThat(adapter.inFlight()).isZero();
  }

  @Test
  void aModernClientsRequestPassesThroughWithItsRounds() throws IOException {
    var adapter = stateless();
    var own =
        new Request(
            Json.string("gw-10"),
            "tools/call",
            Json.object()
                .add("name", "greet")
                .add(
                    "_meta",
                    Json.object().add("io.modelcontextprotocol/protocolVersion", "2026-07-28"))
                .build());
    adapter.send(own);
    assertThat(inner.sent.getLast()).isSameAs(own);
    Result rounds = inputRequired(Json.string("gw-10"), elicit());
    inner.answer(rounds);
    assertThat(seen.received).containsExactly(rounds);
  }

  @Test
  void aDisconnectForgetsEverythingInFlight() throws IOException {
    var adapter = stateless();
    adapter.send(call("gw-11", "greet"));
    inner.listener.disconnected("gone");
    assertThat(seen.disconnects).containsExactly("gone");
    assertThat(adapter.inFlight()).isZero();
  }

  @Test
  void theConfiguredVersionPicksTheAdapter() {
    assertThat(StatelessUpstream.forVersion(Optional.of("2025-11-25"), inner)).isSameAs(inner);
    assertThat(StatelessUpstream.forVersion(Optional.empty(), inner))
        .isInstanceOf(StatelessUpstream.class);
    assertThat(StatelessUpstream.forVersion(Optional.of("2026-07-28"), inner))
        .isInstanceOf(StatelessUpstream.class);
    assertThatThrownBy(() -> StatelessUpstream.of(inner, true, 0))
        .hasMessage("maxRounds must be positive, got 0");
  }
}
