package io.mcpoperator.mcp.jsonrpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcpoperator.mcp.jsonrpc.DecodedBody.Invalid;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Input the parser refuses becomes a JSON-RPC error, never an exception. */
class HostileJsonTest {

  static Stream<Arguments> hostile() {
    String call = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"x\":%s}}";
    return Stream.of(
        Arguments.of("nesting 1000", "[".repeat(1000) + "]".repeat(1000), -32700),
        Arguments.of("nesting 5000 in params", call.formatted("[".repeat(5000)), -32700),
        Arguments.of("2000-digit number", call.formatted("1".repeat(2000)), -32700),
        Arguments.of("huge exponent", call.formatted("1e9999999999"), -32700),
        Arguments.of("huge exponent as id", "{\"jsonrpc\":\"2.0\",\"id\":1e9999999999}", -32700),
        Arguments.of(
            "2000-digit id", "{\"jsonrpc\":\"2.0\",\"id\":" + "9".repeat(2000) + "}", -32700),
        Arguments.of(
            "exponent within range as id",
            "{\"jsonrpc\":\"2.0\",\"id\":1e999999999,\"method\":\"x\"}",
            -32600),
        Arguments.of(
            "exponent within range as error code",
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":1e999999999,\"message\":\"m\"}}",
            -32600),
        Arguments.of(
            "huge error code",
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":1e400,\"message\":\"m\"}}",
            -32600));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostile")
  void refusedWithAJsonRpcError(String name, String body, int code) {
    DecodedBody decoded = JsonRpcCodec.decode(body);
    assertThat(decoded.entries()).hasSize(1);
    assertThat(decoded.entries().getFirst())
        .isInstanceOfSatisfying(
            Invalid.class, i -> assertThat(i.response().error().code()).isEqualTo(code));
  }

  @Test
  void anErrorWithANullIdIsAnError() {
    var decoded =
        JsonRpcCodec.decode(
            "{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32700,\"message\":\"bad\"}}");
    assertThat(decoded.entries().getFirst())
        .isInstanceOfSatisfying(
            DecodedBody.Valid.class,
            v ->
                assertThat(v.message())
                    .isInstanceOfSatisfying(
                        JsonRpcMessage.Failure.class,
                        f -> {
                          assertThat(f.id()).isEqualTo(jakarta.json.JsonValue.NULL);
                          assertThat(f.error().code()).isEqualTo(-32700);
                        }));
  }
}
