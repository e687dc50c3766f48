package io.mcpoperator.gateway.training;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcpoperator.gateway.Gateway;
import io.mcpoperator.mcp.jsonrpc.Json;
import io.mcpoperator.mcp.jsonrpc.JsonRpcMessage.Failure;
import io.mcpoperator.mcp.jsonrpc.JsonRpcMessage.Request;
import io.mcpoperator.mcp.jsonrpc.JsonRpcMessage.Result;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class AotTrainingIT {

  @Test
  void theWorkoutPassesAgainstARealGatewayAndItsTrainingUpstream() throws Exception {
    // 2 initialize checks + list, ping, calls, progress calls, GET, stateless, errors, metrics,
    // DELETE
    assertThat(AotTraining.run(20, config -> Gateway.start(config, "127.0.0.1")))
        .isGreaterThan(2 * 20 + 10);
  }

  @Test
  void theTrainingUpstreamSpeaksMcpOverStdio() throws Exception {
    Process upstream = new ProcessBuilder(AotTraining.upstreamCommand()).start();
    try (var out = upstream.getOutputStream();
        var in =
            new BufferedReader(
                new InputStreamReader(upstream.getInputStream(), StandardCharsets.UTF_8))) {
      out.write(
          ("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"echo\","
                  + "\"arguments\":{\"message\":\"hi\"},\"_meta\":{\"progressToken\":7}}}\n")
              .getBytes(StandardCharsets.UTF_8));
      out.flush();
      assertThat(in.readLine()).contains("notifications/progress").contains("\"progressToken\":7");
      assertThat(in.readLine()).contains("\"id\":1").contains("Echo: hi");
    } finally {
      upstream.destroy();
    }
  }

  @Test
  void answersWhatATrainingClientAsks() {
    var init =
        TrainingUpstream.answer(
            new Request(
                Json.string("a"),
                "initialize",
                Json.object().add("protocolVersion", "2025-06-18").build()));
    assertThat(((Result) init).result().getString("protocolVersion")).isEqualTo("2025-06-18");
    var unknown =
        TrainingUpstream.answer(
            new Request(Json.string("b"), "no/such", jakarta.json.JsonValue.EMPTY_JSON_OBJECT));
    assertThat(((Failure) unknown).error().code()).isEqualTo(-32601);
  }
}
