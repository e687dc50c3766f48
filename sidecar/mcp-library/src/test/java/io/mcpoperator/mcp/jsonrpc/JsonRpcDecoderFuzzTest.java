package io.mcpoperator.mcp.jsonrpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.mcpoperator.mcp.jsonrpc.DecodedBody.Entry;
import io.mcpoperator.mcp.jsonrpc.DecodedBody.Invalid;
import io.mcpoperator.mcp.jsonrpc.DecodedBody.Valid;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Optional;
import java.util.Set;

/**
 * Coverage-guided fuzz target (Jazzer) for the JSON parser and the JSON-RPC decoder: any bytes as a
 * request body. In the build it runs the seeds of {@code JsonRpcDecoderFuzzTestInputs/} (regression
 * mode); {@code hack/bench/jazzer.sh} fuzzes it ({@code JAZZER_FUZZ=1}). Checked for every input:
 * {@link Json#parse} returns a value that survives a write/parse round trip or throws {@link
 * JsonException} (its documented refusal), nothing else; {@link JsonRpcCodec#decode} never throws,
 * refuses only with -32700 (not JSON, exactly when the parser refused) or -32600, and every message
 * it accepts encodes to JSON that decodes back to the same message.
 */
class JsonRpcDecoderFuzzTest {
  private static final Set<Integer> REFUSALS =
      Set.of(JsonRpcError.PARSE_ERROR, JsonRpcError.INVALID_REQUEST);

  @FuzzTest(maxDuration = "10m")
  void decodes(byte[] body) {
    Optional<JsonValue> parsed = parse(body);
    parsed.ifPresent(value -> assertThat(Json.parse(Json.write(value))).isEqualTo(value));

    DecodedBody decoded = JsonRpcCodec.decode(body);

    assertThat(decoded.entries()).isNotEmpty();
    assertThat(decoded.parseError()).isEqualTo(parsed.isEmpty());
    if (decoded.batch()) {
      assertThat(parsed.orElseThrow().getValueType()).isEqualTo(JsonValue.ValueType.ARRAY);
    }
    for (Entry entry : decoded.entries()) {
      switch (entry) {
        case Invalid(var failure) -> {
          assertThat(REFUSALS).contains(failure.error().code());
          JsonObject answer = Json.parse(JsonRpcCodec.encode(failure)).asJsonObject();
          assertThat(answer.getString("jsonrpc")).isEqualTo("2.0");
          assertThat(answer.getJsonObject("error").getInt("code"))
              .isEqualTo(failure.error().code());
        }
        case Valid(var message) -> {
          Entry again = JsonRpcCodec.decodeOne(Json.parse(JsonRpcCodec.encode(message)));
          assertThat(again).isEqualTo(new Valid(message));
        }
      }
    }
  }

  /** The parsed value, or empty when the parser refused with its documented exception. */
  private static Optional<JsonValue> parse(byte[] body) {
    try {
      return Optional.of(Json.parse(body));
    } catch (JsonException refused) {
      return Optional.empty();
    }
  }
}
