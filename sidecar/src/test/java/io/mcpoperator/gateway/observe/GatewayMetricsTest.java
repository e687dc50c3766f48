package io.mcpoperator.gateway.observe;

import static org.assertj.core.api.Assertions.assertThat;

import io.helidon.metrics.api.Meter;
import io.helidon.metrics.api.Metrics;
import io.helidon.metrics.api.Tag;
import io.mcpoperator.mcp.jsonrpc.Json;
import io.mcpoperator.mcp.jsonrpc.JsonRpcError;
import io.mcpoperator.mcp.jsonrpc.JsonRpcMessage.Failure;
import io.mcpoperator.mcp.jsonrpc.JsonRpcMessage.Result;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/** Label values that clients choose stay few and short. */
class GatewayMetricsTest {
  private static final Result OK = new Result(Json.number(1), JsonObject.EMPTY_JSON_OBJECT);
  private static final Failure UNKNOWN_TOOL =
      new Failure(Json.number(1), JsonRpcError.invalidParams("unknown tool"));
  private final GatewayMetrics metrics = new GatewayMetrics(() -> 0L);

  @Test
  void aHugeToolNameIsCountedAsOther() {
    String huge = "t".repeat(1024 * 1024);
    metrics.finished("tools/call", call(huge), OK, 1000);
    metrics.finished("tools/call", call(huge + "2"), UNKNOWN_TOOL, 1000);

    assertThat(longestTagValue()).isLessThanOrEqualTo(GatewayMetrics.MAX_LABEL_LENGTH);
    assertThat(toolCalls("other", "ok")).isGreaterThanOrEqualTo(1);
  }

  @Test
  void onlyListedOrAnsweredToolsBecomeLabels() {
    var list =
        new Result(
            Json.number(1),
            Json.object()
                .add("tools", Json.array().add(Json.object().add("name", "listed-tool")))
                .build());
    metrics.finished("tools/list", JsonObject.EMPTY_JSON_OBJECT, list, 1000);
    metrics.finished("tools/call", call("listed-tool"), UNKNOWN_TOOL, 1000);
    metrics.finished("tools/call", call("answered-tool"), OK, 1000);
    metrics.finished("tools/call", call("made-up-tool"), UNKNOWN_TOOL, 1000);

    assertThat(toolCalls("listed-tool", "-32602")).isEqualTo(1);
    assertThat(toolCalls("answered-tool", "ok")).isEqualTo(1);
    assertThat(tagValues("tool")).doesNotContain("made-up-tool");
  }

  @Test
  void unknownMethodsAndHttpMethodsAreOther() {
    metrics.finished("x/".repeat(500_000), JsonObject.EMPTY_JSON_OBJECT, OK, 1000);
    metrics.finished("made/up", JsonObject.EMPTY_JSON_OBJECT, OK, 1000);
    metrics.finished("tools/list", JsonObject.EMPTY_JSON_OBJECT, OK, 1000);
    metrics.rejected("BREW" + "W".repeat(100_000), 405);
    for (int code = 0; code < 3 * GatewayMetrics.MAX_LABEL_VALUES; code++) {
      metrics.finished(
          "ping",
          JsonObject.EMPTY_JSON_OBJECT,
          new Failure(Json.number(1), JsonRpcError.of(100_000 + code, "odd upstream code")),
          1000);
    }

    assertThat(tagValues("method")).contains("tools/list", "other").doesNotContain("made/up");
    assertThat(tagValues("http_method")).contains("other");
    assertThat(tagValues("outcome").stream().distinct().count())
        .isLessThanOrEqualTo(GatewayMetrics.MAX_LABEL_VALUES + 20);
    assertThat(longestTagValue()).isLessThanOrEqualTo(GatewayMetrics.MAX_LABEL_LENGTH);
  }

  private static JsonObject call(String tool) {
    return Json.object().add("name", tool).build();
  }

  private static long toolCalls(String tool, String outcome) {
    return Metrics.globalRegistry()
        .counter(
            "mcp_tool_calls_total",
            List.of(Tag.create("tool", tool), Tag.create("outcome", outcome)))
        .map(c -> c.count())
        .orElse(0L);
  }

  private static List<String> tagValues(String key) {
    return Metrics.globalRegistry().meters().stream()
        .map(m -> m.id().tagsMap().get(key))
        .filter(v -> v != null)
        .toList();
  }

  private static int longestTagValue() {
    return Metrics.globalRegistry().meters().stream()
        .map(Meter::id)
        .flatMap(id -> StreamSupport.stream(id.tags().spliterator(), false))
        .mapToInt(t -> t.value().length())
        .max()
        .orElse(0);
  }
}
