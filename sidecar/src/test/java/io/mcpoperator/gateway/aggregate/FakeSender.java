package io.mcpoperator.gateway.aggregate;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** Answers every backend call with {@link #next} and records the calls. */
final class FakeSender implements HttpSender {
  final List<HttpCall> calls = new CopyOnWriteArrayList<>();
  volatile HttpOutcome next = json(200, "{\"temperatureC\": 20}");

  static HttpOutcome json(int status, String body) {
    return new HttpOutcome.Answered(
        status, Optional.of("application/json"), body.getBytes(StandardCharsets.UTF_8), false);
  }

  @Override
  public HttpOutcome send(HttpCall call, Consumer<Runnable> onCancel) {
    calls.add(call);
    return next;
  }
}
