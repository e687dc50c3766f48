package io.mcpoperator.mcp.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.helidon.http.WritableHeaders;
import io.mcpoperator.mcp.McpBackend;
import io.mcpoperator.mcp.McpRequest;
import io.mcpoperator.mcp.ServerIdentity;
import io.mcpoperator.mcp.jsonrpc.Json;
import io.mcpoperator.mcp.jsonrpc.JsonRpcMessage;
import io.mcpoperator.mcp.jsonrpc.JsonRpcMessage.Failure;
import io.mcpoperator.mcp.jsonrpc.JsonRpcMessage.Notification;
import io.mcpoperator.mcp.jsonrpc.JsonRpcMessage.Request;
import io.mcpoperator.mcp.jsonrpc.JsonRpcMessage.Result;
import io.mcpoperator.mcp.session.ClientSession;
import io.mcpoperator.mcp.session.InMemorySessionStore;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Multi round-trip rounds of the transport with any backend that asks a 2026-07-28 client for
 * input: where the messages of a request go before, between and after its rounds.
 */
@org.junit.jupiter.api.Timeout(30)
class InputRoundsTest {
  private static final ClientSession MODERN =
      new ClientSession(
          Optional.empty(),
          "2026-07-28",
          JsonValue.EMPTY_JSON_OBJECT,
          Json.object().add("elicitation", Json.object()).build(),
          Optional.empty());
  private static final JsonObject ELICIT =
      Json.object().add("message", "Sure?").add("requestedSchema", Json.object()).build();

  private final AtomicBoolean cancelled = new AtomicBoolean();
  private final CompletableFuture<String> lateAnswer = new CompletableFuture<>();

  /** Completed once the chatty backend has sent its between-rounds notification. */
  private final CompletableFuture<Void> betweenRoundsSent = new CompletableFuture<>();

  private Dispatcher dispatcher;

  @AfterEach
  void stop() {
    if (dispatcher != null) {
      dispatcher.shutdown();
    }
  }

  /** Tools: wait (asks and waits), leave (asks, answers at once), chatty, and list-time asking. */
  private final class AskingBackend implements McpBackend {
    @Override
    public ServerIdentity identity() {
      return new ServerIdentity(
          JsonValue.EMPTY_JSON_OBJECT, JsonValue.EMPTY_JSON_OBJECT, Optional.empty());
    }

    @Override
    public JsonObject handle(McpRequest request) {
      if (request.method().equals("tools/list")) {
        return text(outcome(request.request("elicitation/create", ELICIT)));
      }
      request.onCancel(() -> cancelled.set(true));
      return switch (Json.string(request.params(), "name").orElse("")) {
        case "leave" -> {
          request
              .request("elicitation/create", ELICIT)
              .whenComplete((r, e) -> lateAnswer.complete(e != null ? e.toString() : "answer"));
          yield text("left early");
        }
        case "chatty" -> {
          request.notify("notifications/message", Json.object().add("data", "A").build());
          var answer = request.request("elicitation/create", ELICIT);
          request.notify("notifications/message", Json.object().add("data", "dropped").build());
          betweenRoundsSent.complete(null);
          String outcome = outcome(answer);
          request.notify("notifications/message", Json.object().add("data", "B").build());
          yield text(outcome);
        }
        default -> text(outcome(request.request("elicitation/create", ELICIT)));
      };
    }

    private static String outcome(CompletableFuture<JsonRpcMessage.Response> answer) {
      try {
        return switch (answer.join()) {
          case Result r -> Json.write(r.result());
          case Failure f -> "failure " + f.error().message();
        };
      } catch (RuntimeException e) {
        return "refused: " + e.getMessage();
      }
    }

    private static JsonObject text(String text) {
      return Json.object().add("text", text).build();
    }
  }

  /** What the transport sends one HTTP exchange. */
  private record Sent(JsonRpcMessage message, boolean last) {}

  private static final class Exchange implements Outbox {
    final BlockingQueue<Sent> sent = new LinkedBlockingQueue<>();

    @Override
    public void send(JsonRpcMessage message, boolean last) {
      sent.add(new Sent(message, last));
    }

    Sent next() throws InterruptedException {
      Sent s = sent.poll(10, TimeUnit.SECONDS);
      assertThat(s).as("a message within 10 s").isNotNull();
      return s;
    }

    JsonObject nextFinal() throws InterruptedException {
      Sent s = next();
      assertThat(s.last()).as(s.message().toString()).isTrue();
      return switch (s.message()) {
        case Result r -> r.result();
        case Failure f -> Json.object().add("error", f.error().message()).build();
        default -> throw new AssertionError(s);
      };
    }
  }

  private void start(Duration timeout) {
    start(timeout, 10);
  }

  private void start(Duration timeout, int maxConcurrentRequests) {
    var limits =
        new TransportLimits(1 << 20, timeout, maxConcurrentRequests, Duration.ofSeconds(15), 16);
    dispatcher =
        new Dispatcher(
            new AskingBackend(),
            new InMemorySessionStore(Duration.ofMinutes(1), 100, java.time.Clock.systemUTC()),
            new TransportSettings(limits, new OriginPolicy(List.of())),
            RequestObserver.NONE);
  }

  private Exchange send(int id, String method, JsonObject params) {
    var exchange = new Exchange();
    dispatcher.dispatch(
        new Request(Json.number(id), method, params),
        MODERN,
        new SessionRuntime(),
        exchange,
        new RequestHeaders(WritableHeaders.create()));
    return exchange;
  }

  private static JsonObject call(String tool) {
    return Json.object().add("name", tool).add("arguments", Json.object()).build();
  }

  private static JsonObject retry(String tool, JsonObject inputRequired, JsonObject answer) {
    String key = inputRequired.getJsonObject("inputRequests").keySet().iterator().next();
    return Json.object(call(tool))
        .add("inputResponses", Json.object().add(key, answer))
        .add("requestState", inputRequired.getString("requestState"))
        .build();
  }

  private static final JsonObject ACCEPT =
      Json.object()
          .add("action", "accept")
          .add("content", Json.object().add("ok", true))
          .add("resultType", "complete")
          .build();

  @Test
  void theBackendGetsTheClientsAnswerAndTheRetryTheResult() throws Exception {
    start(Duration.ofSeconds(10));
    JsonObject question = send(1, "tools/call", call("wait")).nextFinal();
    assertThat(question.getString("resultType")).isEqualTo("input_required");
    assertThat(question.getJsonObject("inputRequests").toString())
        .isEqualTo(
            "{\"elicitation-1\":{\"method\":\"elicitation/create\",\"params\":" + ELICIT + "}}");
    assertThat(dispatcher.parkedRequests()).isEqualTo(1);

    Exchange second = send(2, "tools/call", retry("wait", question, ACCEPT));
    Sent done = second.next();
    assertThat(((Result) done.message()).id()).isEqualTo(Json.number(2));
    // the backend sees the client's result as an earlier revision has it: no resultType
    assertThat(((Result) done.message()).result().getString("text"))
        .isEqualTo("{\"action\":\"accept\",\"content\":{\"ok\":true}}");
    assertThat(dispatcher.parkedRequests()).isZero();
  }

  @Test
  void noMoreRequestsWaitForInputThanMaxConcurrentRequests() throws Exception {
    start(Duration.ofSeconds(10), 2);
    assertThat(send(1, "tools/call", call("wait")).nextFinal().getString("resultType"))
        .isEqualTo("input_required");
    assertThat(send(2, "tools/call", call("wait")).nextFinal().getString("resultType"))
        .isEqualTo("input_required");
    assertThat(dispatcher.parkedRequests()).isEqualTo(2);
    // a third would hold one more thread and upstream request: its input request is refused
    assertThat(send(3, "tools/call", call("wait")).nextFinal().getString("text"))
        .isEqualTo(
            "refused: java.lang.IllegalStateException: 2 requests are already waiting for their"
                + " clients' input on this replica");
    assertThat(dispatcher.parkedRequests()).isEqualTo(2);
  }

  @Test
  void aResultThatCameWhileParkedGoesToTheRetry() throws Exception {
    start(Duration.ofSeconds(10));
    JsonObject question = send(1, "tools/call", call("leave")).nextFinal();
    assertThat(question.getString("resultType")).isEqualTo("input_required");
    // the backend answered without waiting: its pending input request is moot
    assertThat(lateAnswer.get(5, TimeUnit.SECONDS)).contains("CancellationException");

    Exchange second = send(2, "tools/call", retry("leave", question, ACCEPT));
    assertThat(second.nextFinal().getString("text")).isEqualTo("left early");
    assertThat(dispatcher.parkedRequests()).isZero();
  }

  @Test
  void notificationsGoWithTheExchangeOfTheirRoundAndAreDroppedBetweenRounds() throws Exception {
    start(Duration.ofSeconds(10));
    Exchange first = send(1, "tools/call", call("chatty"));
    Sent a = first.next();
    assertThat(a.last()).isFalse();
    assertThat(((Notification) a.message()).params().getString("data")).isEqualTo("A");
    JsonObject question = first.nextFinal();
    // the retry must come after the backend's between-rounds notification, or that one is the
    // retry's
    betweenRoundsSent.get(5, TimeUnit.SECONDS);

    Exchange second = send(2, "tools/call", retry("chatty", question, ACCEPT));
    Sent b = second.next();
    assertThat(b.last()).isFalse();
    assertThat(((Notification) b.message()).params().getString("data")).isEqualTo("B");
    assertThat(second.nextFinal().getString("text")).contains("accept");
    assertThat(first.sent).isEmpty();
  }

  @Test
  void aParkedRequestIsCancelledWhenItsClientDoesNotComeBack() throws Exception {
    start(Duration.ofMillis(300));
    JsonObject question = send(1, "tools/call", call("wait")).nextFinal();
    await().atMost(Duration.ofSeconds(5)).untilTrue(cancelled);
    assertThat(dispatcher.parkedRequests()).isZero();

    JsonObject late = send(2, "tools/call", retry("wait", question, ACCEPT)).nextFinal();
    assertThat(late.getString("error")).contains("requestState expired or was already used");
  }

  @Test
  void closingCancelsParkedRequests() throws Exception {
    start(Duration.ofSeconds(10));
    send(1, "tools/call", call("wait")).nextFinal();
    dispatcher.shutdown();
    assertThat(cancelled).isTrue();
    assertThat(dispatcher.parkedRequests()).isZero();
  }

  @Test
  void aRequestThatCannotAnswerInputRequiredIsNotAsked() throws Exception {
    start(Duration.ofSeconds(10));
    JsonObject result = send(1, "tools/list", JsonValue.EMPTY_JSON_OBJECT).nextFinal();
    assertThat(result.getString("text"))
        .startsWith("refused: ")
        .contains("during tools/list", "may answer input_required");
  }
}
