package io.mcpoperator.mcp.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcpoperator.mcp.jsonrpc.JsonRpcMessage.Result;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PermitsTest {
  private final TransportSettings settings =
      new TransportSettings(
          new TransportLimits(1024, Duration.ofSeconds(1), 5, Duration.ofSeconds(1), 8),
          new OriginPolicy(List.of()));

  private Permits take(int n) {
    var current = settings.current();
    assertThat(current.permits().tryAcquire(n)).isTrue();
    return new Permits(current, n);
  }

  @Test
  void eachFinalAnswerReturnsOnePermitAndProgressReturnsNone() {
    Permits permits = take(3);
    List<Boolean> sent = new ArrayList<>();
    Outbox outbox = permits.releasingOnLast((message, last) -> sent.add(last));
    var answer = new Result(JsonValue.NULL, JsonValue.EMPTY_JSON_OBJECT);

    outbox.send(answer, false);
    outbox.send(answer, true);

    assertThat(sent).containsExactly(false, true);
    assertThat(permits.held()).isEqualTo(2);
    assertThat(settings.current().permits().availablePermits()).isEqualTo(3);
  }

  @Test
  void aFailedDispatchReturnsThePermitsOfTheRequestsThatNeverRan() {
    Permits permits = take(3);
    Outbox outbox = permits.releasingOnLast((message, last) -> {});

    permits.releaseUnstarted(1);

    assertThat(permits.held()).as("the started one still runs").isEqualTo(1);
    outbox.send(new Result(JsonValue.NULL, JsonValue.EMPTY_JSON_OBJECT), true);
    assertThat(settings.current().permits().availablePermits()).isEqualTo(5);
  }

  @Test
  void neverReturnsMoreThanItTook() {
    Permits permits = take(1);
    Outbox outbox = permits.releasingOnLast((message, last) -> {});

    permits.releaseUnstarted(0);
    outbox.send(new Result(JsonValue.NULL, JsonValue.EMPTY_JSON_OBJECT), true);
    permits.releaseUnstarted(0);

    assertThat(permits.held()).isZero();
    assertThat(settings.current().permits().availablePermits()).isEqualTo(5);
  }
}
