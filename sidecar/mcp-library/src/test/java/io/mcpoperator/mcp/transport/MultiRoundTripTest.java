package io.mcpoperator.mcp.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcpoperator.mcp.jsonrpc.Json;
import io.mcpoperator.mcp.session.ClientSession;
import jakarta.json.JsonValue;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Which input requests a 2026-07-28 client can be asked, and why not. */
class MultiRoundTripTest {
  private static ClientSession client(String... capabilities) {
    var caps = Json.object();
    for (String c : capabilities) {
      caps.add(c, Json.object());
    }
    return new ClientSession(
        Optional.empty(),
        "2026-07-28",
        JsonValue.EMPTY_JSON_OBJECT,
        caps.build(),
        Optional.empty());
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of(
            "tool call, elicitation declared",
            "tools/call",
            "elicitation/create",
            client("elicitation"),
            null),
        Arguments.of(
            "prompt, sampling declared",
            "prompts/get",
            "sampling/createMessage",
            client("sampling"),
            null),
        Arguments.of(
            "resource read, roots declared", "resources/read", "roots/list", client("roots"), null),
        Arguments.of(
            "capability not declared",
            "tools/call",
            "sampling/createMessage",
            client("elicitation"),
            "did not declare the sampling capability"),
        Arguments.of(
            "a list cannot answer input_required",
            "tools/list",
            "roots/list",
            client("roots"),
            "during tools/list"),
        Arguments.of(
            "not an input request",
            "tools/call",
            "ping",
            client("roots"),
            "is not one of the input requests"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void refusal(
      String name, String requestMethod, String inputMethod, ClientSession client, String why) {
    var refusal = MultiRoundTrip.refusal(client, requestMethod, inputMethod);
    if (why == null) {
      assertThat(refusal).isEmpty();
      assertThat(MultiRoundTrip.canAsk(client, requestMethod, inputMethod)).isTrue();
    } else {
      assertThat(refusal).get().asString().contains(why);
      assertThat(MultiRoundTrip.canAsk(client, requestMethod, inputMethod)).isFalse();
    }
  }
}
