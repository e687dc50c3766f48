package io.mcpoperator.mcp.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcpoperator.mcp.jsonrpc.Json;
import io.mcpoperator.mcp.jsonrpc.JsonRpcMessage.Failure;
import io.mcpoperator.mcp.jsonrpc.JsonRpcMessage.Request;
import io.mcpoperator.mcp.jsonrpc.JsonRpcMessage.Result;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Which retries this replica resumes, and what the others are told. */
class ParkedRequestsTest {
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
  private final ParkedRequests parked =
      new ParkedRequests(new Deadlines(timer), () -> Duration.ofSeconds(5), () -> 100);

  @AfterEach
  void stop() {
    timer.shutdownNow();
  }

  private static JsonObject state(Object value) {
    var params = Json.object().add("name", "t");
    if (value instanceof String s) {
      params.add("requestState", s);
    } else if (value instanceof Integer i) {
      params.add("requestState", i);
    }
    return params.build();
  }

  @Test
  void statesOfThisLibraryAreClaimedOthersGoToTheBackend() {
    assertThat(parked.claims(state("mcpgw-mrtr.other.1.secret"))).isTrue();
    assertThat(parked.claims(state("the-upstreams-own"))).isFalse();
    assertThat(parked.claims(state(5))).isFalse();
    assertThat(parked.claims(state(null))).isFalse();
  }

  @Test
  void aBackendThatIssuesSuchStatesKeepsItsRetries() {
    // a backend built on this library (another gateway, image-server) answered input_required
    parked.passed(
        new Result(
            Json.number(1),
            Json.object()
                .add("resultType", "input_required")
                .add("requestState", "mcpgw-mrtr.backend.7.secret")
                .build()));
    assertThat(parked.claims(state("mcpgw-mrtr.backend.8.other"))).isFalse();
    assertThat(parked.claims(state("mcpgw-mrtr.sibling.1.secret"))).isTrue();
    // results without such a state teach nothing
    parked.passed(new Result(Json.number(2), JsonValue.EMPTY_JSON_OBJECT));
    parked.passed(
        new Failure(Json.number(3), io.mcpoperator.mcp.jsonrpc.JsonRpcError.internal("x")));
    assertThat(parked.claims(state("mcpgw-mrtr.sibling.1.secret"))).isTrue();
  }

  @Test
  void anUnknownStateIsRefusedWithWhatToDo() {
    List<Object> sent = new ArrayList<>();
    parked.resume(
        new Request(Json.number(4), "tools/call", state("mcpgw-mrtr.sibling.1.secret")),
        (message, last) -> sent.add(message));
    assertThat(sent).hasSize(1);
    var error = ((Failure) sent.getFirst()).error();
    assertThat(error.code()).isEqualTo(-32602);
    assertThat(error.message())
        .contains("held by another gateway replica", "send the request again without");
  }
}
