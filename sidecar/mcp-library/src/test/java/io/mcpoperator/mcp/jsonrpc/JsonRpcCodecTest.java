package io.mcpoperator.mcp.jsonrpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcpoperator.mcp.jsonrpc.DecodedBody.Invalid;
import io.mcpoperator.mcp.jsonrpc.DecodedBody.Valid;
import io.mcpoperator.mcp.jsonrpc.JsonRpcMessage.Failure;
import io.mcpoperator.mcp.jsonrpc.JsonRpcMessage.Notification;
import io.mcpoperator.mcp.jsonrpc.JsonRpcMessage.Request;
import io.mcpoperator.mcp.jsonrpc.JsonRpcMessage.Result;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonRpcCodecTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "{not json                                                  | -32700 | null",
        "''                                                         | -32700 | null",
        "42                                                         | -32600 | null",
        "[]                                                         | -32600 | null",
        "{\"id\":1,\"method\":\"x\"}                                | -32600 | 1",
        "{\"jsonrpc\":\"1.0\",\"id\":\"a\",\"method\":\"x\"}        | -32600 | \"a\"",
        "{\"jsonrpc\":\"2.0\",\"id\":{},\"method\":\"x\"}           | -32600 | null",
        "{\"jsonrpc\":\"2.0\",\"id\":1.5,\"method\":\"x\"}          | -32600 | null",
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":7}                | -32600 | 1",
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"x\",\"params\":[1]} | -32600 | 1",
        "{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"x\",\"params\":{\"_meta\":\"x\"}} | -32600 | 9",
        "{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"x\",\"params\":{\"_meta\":[]}} | -32600 | 9",
        "{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"x\",\"params\":{\"_meta\":1}} | -32600 | 9",
        "{\"jsonrpc\":\"2.0\",\"method\":\"x\",\"params\":{\"_meta\":null}} | -32600 | null",
        "{\"jsonrpc\":\"2.0\",\"id\":1}                             | -32600 | 1",
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{},\"error\":{}}  | -32600 | 1",
        "{\"jsonrpc\":\"2.0\",\"result\":{}}                        | -32600 | null",
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":3}                | -32600 | 1",
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":\"x\"}}  | -32600 | 1",
      })
  void malformedMessagesEarnTheRightError(String body, int code, String id) {
    DecodedBody decoded = JsonRpcCodec.decode(body);
    assertThat(decoded.entries()).hasSize(1);
    Failure failure = ((Invalid) decoded.entries().getFirst()).response();
    assertThat(failure.error().code()).isEqualTo(code);
    assertThat(failure.id().toString()).isEqualTo(id);
    assertThat(decoded.parseError()).isEqualTo(code == JsonRpcError.PARSE_ERROR);
  }

  @Test
  void decodesEachKindAndKeepsIdsAsSent() {
    var request =
        decode(
            "{\"jsonrpc\":\"2.0\",\"id\":\"r-1\",\"method\":\"tools/call\",\"params\":{\"a\":1}}");
    assertThat(request)
        .isEqualTo(
            new Request(Json.string("r-1"), "tools/call", Json.object().add("a", 1).build()));
    var notification = decode("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
    assertThat(notification).isInstanceOf(Notification.class);
    assertThat(((Notification) notification).params()).isEmpty();
    var result = decode("{\"jsonrpc\":\"2.0\",\"id\":7,\"result\":{}}");
    assertThat(result).isInstanceOf(Result.class);
    var error =
        decode(
            "{\"jsonrpc\":\"2.0\",\"id\":7,\"error\":{\"code\":-1,\"message\":\"m\",\"data\":[1]}}");
    assertThat(((Failure) error).error().data()).isPresent();
  }

  @Test
  void aBatchServesItsGoodElementsAndFlagsTheBadOnes() {
    DecodedBody decoded =
        JsonRpcCodec.decode(
            "[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"},5,{\"jsonrpc\":\"2.0\",\"method\":\"n\"}]");
    assertThat(decoded.batch()).isTrue();
    assertThat(decoded.entries()).hasSize(3);
    assertThat(decoded.entries().get(0)).isInstanceOf(Valid.class);
    assertThat(decoded.entries().get(1)).isInstanceOf(Invalid.class);
    assertThat(decoded.entries().get(2)).isInstanceOf(Valid.class);
  }

  @Test
  void encodesRoundTrip() {
    var messages =
        List.<JsonRpcMessage>of(
            new Request(Json.number(3), "m", Json.object().add("k", "v").build()),
            new Notification("n", Json.object().build()),
            new Result(Json.string("x"), Json.object().build()),
            new Failure(Json.string("y"), JsonRpcError.methodNotFound("z")));
    for (JsonRpcMessage m : messages) {
      assertThat(decode(JsonRpcCodec.encode(m))).isEqualTo(m);
    }
    assertThat(JsonRpcCodec.encode(messages)).startsWith("[{\"jsonrpc\":\"2.0\"");
    assertThat(JsonRpcCodec.encode(messages.get(1)))
        .isEqualTo("{\"jsonrpc\":\"2.0\",\"method\":\"n\"}");
  }

  private static JsonRpcMessage decode(String text) {
    return ((Valid) JsonRpcCodec.decode(text).entries().getFirst()).message();
  }
}
