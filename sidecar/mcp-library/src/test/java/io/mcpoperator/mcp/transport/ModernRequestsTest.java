package io.mcpoperator.mcp.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcpoperator.mcp.jsonrpc.Json;
import io.mcpoperator.mcp.jsonrpc.JsonRpcError;
import io.mcpoperator.mcp.jsonrpc.JsonRpcMessage.Request;
import io.mcpoperator.mcp.jsonrpc.JsonRpcMessage.Result;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.LinkedHashMap;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The shapes of the multi round-trip (MRTR) rounds the gateway synthesizes. */
class ModernRequestsTest {
  private static final String ORIGINAL =
      "{\"name\":\"book\",\"arguments\":{\"seat\":\"4A\"},"
          + "\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\"}}";

  static Stream<Arguments> retries() {
    return Stream.of(
        Arguments.of(
            "answers and state added, _meta changed",
            "tools/call",
            "{\"name\":\"book\",\"arguments\":{\"seat\":\"4A\"},\"inputResponses\":{},"
                + "\"requestState\":\"s\",\"_meta\":{\"progressToken\":1}}",
            true),
        Arguments.of(
            "other arguments",
            "tools/call",
            "{\"name\":\"book\",\"arguments\":{\"seat\":\"5B\"},\"requestState\":\"s\"}",
            false),
        Arguments.of(
            "other tool",
            "tools/call",
            "{\"name\":\"pay\",\"arguments\":{\"seat\":\"4A\"}}",
            false),
        Arguments.of(
            "other method",
            "prompts/get",
            "{\"name\":\"book\",\"arguments\":{\"seat\":\"4A\"}}",
            false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("retries")
  void aRetryRepeatsTheRequestItAnswers(
      String name, String method, String params, boolean repeats) {
    var retry = new Request(Json.number(2), method, Json.parse(params).asJsonObject());
    assertThat(ModernRequests.repeats(retry, "tools/call", Json.parse(ORIGINAL).asJsonObject()))
        .isEqualTo(repeats);
  }

  static Stream<Arguments> answers() {
    return Stream.of(
        Arguments.of("every key answered", "{\"a\":{},\"b\":{\"x\":1}}", null),
        Arguments.of("more than asked", "{\"a\":{},\"b\":{},\"old\":{}}", null),
        Arguments.of(
            "one missing",
            "{\"a\":{}}",
            "inputResponses must answer every key of inputRequests [a, b]; missing [b]"),
        Arguments.of("none", null, "missing [a, b]"),
        Arguments.of(
            "an answer that is no result",
            "{\"a\":{},\"b\":\"yes\"}",
            "inputResponses \"b\" must be an object"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("answers")
  void theRetryMustAnswerEveryKeyAsked(String name, String responses, String error) {
    var params = Json.object().add("name", "book");
    if (responses != null) {
      params.add("inputResponses", Json.parse(responses));
    }
    Optional<JsonRpcError> refusal = ModernRequests.unanswered(params.build(), Set.of("a", "b"));
    if (error == null) {
      assertThat(refusal).isEmpty();
    } else {
      assertThat(refusal).get().extracting(JsonRpcError::code).isEqualTo(-32602);
      assertThat(refusal.get().message()).startsWith("Invalid params: ").contains(error);
    }
  }

  @Test
  void inputRequiredCarriesTheRequestsUnderTheirKeysAndTheState() {
    var inputs = new LinkedHashMap<String, Request>();
    inputs.put(
        "elicitation-1",
        new Request(
            JsonValue.NULL, "elicitation/create", Json.object().add("message", "Sure?").build()));
    inputs.put("roots-2", new Request(JsonValue.NULL, "roots/list", JsonValue.EMPTY_JSON_OBJECT));
    Result result = ModernRequests.inputRequired(Json.number(7), inputs, "state-1");
    assertThat(result.id()).isEqualTo(Json.number(7));
    assertThat(Json.write(result.result()))
        .isEqualTo(
            "{\"resultType\":\"input_required\",\"inputRequests\":{"
                + "\"elicitation-1\":{\"method\":\"elicitation/create\","
                + "\"params\":{\"message\":\"Sure?\"}},"
                + "\"roots-2\":{\"method\":\"roots/list\",\"params\":{}}},"
                + "\"requestState\":\"state-1\"}");
  }

  @Test
  void anAnswerReachesAnEarlierRevisionWithoutResultType() {
    JsonObject params =
        Json.parse(
                "{\"inputResponses\":{\"k\":{\"resultType\":\"complete\",\"roots\":[]},"
                    + "\"plain\":{\"action\":\"cancel\"}}}")
            .asJsonObject();
    assertThat(Json.write(ModernRequests.inputResponse(params, "k"))).isEqualTo("{\"roots\":[]}");
    assertThat(Json.write(ModernRequests.inputResponse(params, "plain")))
        .isEqualTo("{\"action\":\"cancel\"}");
  }

  @Test
  void staleStatesSayWhyAndWhatToDo() {
    assertThat(ModernRequests.staleState(true).message())
        .contains("expired or was already used", "send the request again without inputResponses");
    assertThat(ModernRequests.staleState(false).message())
        .contains("held by another gateway replica", "send the request again");
    assertThat(ModernRequests.otherRequest("tools/call", Optional.of("book")).message())
        .contains("belongs to another request (tools/call \"book\")");
  }
}
