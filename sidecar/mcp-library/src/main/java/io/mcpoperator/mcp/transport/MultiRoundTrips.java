package io.mcpoperator.mcp.transport;

import io.mcpoperator.mcp.jsonrpc.JsonRpcMessage.Request;
import io.mcpoperator.mcp.jsonrpc.JsonRpcMessage.Response;
import io.mcpoperator.mcp.session.ClientSession;
import java.time.Duration;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * Multi round-trip (MRTR) for 2026-07-28 clients, the one entry the rest of the transport uses: a
 * retry of a request parked here resumes it ({@link #resumed}), a backend's request for input opens
 * the request's rounds ({@link #open}) when its client may be asked ({@link #refusal}), a final
 * answer teaches which states a backend issues ({@link #passed}), and a shutdown cancels what is
 * parked. Behind it: the rounds of one request ({@link InputRounds}), the requests parked between
 * rounds ({@link ParkedRequests}), who may be asked what ({@link MultiRoundTrip}) and the wire
 * shapes ({@link ModernRequests}).
 */
final class MultiRoundTrips {
  private final ParkedRequests parked;

  /**
   * @param deadlines the request timeouts, re-armed as requests park and resume
   * @param timeout the request timeout in force
   * @param limit how many requests may wait for their clients' input at once
   */
  MultiRoundTrips(Deadlines deadlines, Supplier<Duration> timeout, IntSupplier limit) {
    this.parked = new ParkedRequests(deadlines, timeout, limit);
  }

  /**
   * True when {@code request}, from a client without session, is the retry of a request parked
   * here: it now receives that request's next messages on {@code outbox} instead of starting one.
   */
  boolean resumed(Request request, ClientSession client, Outbox outbox) {
    if (client.id().isPresent() || !parked.claims(request.params())) {
      return false;
    }
    parked.resume(request, outbox);
    return true;
  }

  /** The final answer of a request from a client without session, on its way out. */
  void passed(ClientSession client, Response response) {
    if (client.id().isEmpty()) {
      parked.passed(response);
    }
  }

  /**
   * Why the client of a request of {@code requestMethod} cannot be asked {@code inputMethod} in a
   * round; empty when it can.
   */
  java.util.Optional<String> refusal(
      ClientSession client, String requestMethod, String inputMethod) {
    return MultiRoundTrip.refusal(client, requestMethod, inputMethod);
  }

  /** The rounds of {@code request}, opened on its backend's first request for input. */
  InputRounds open(InFlight request, Outbox outbox) {
    return new InputRounds(request, outbox, parked);
  }

  /** Cancels the requests parked between rounds (their clients get no answer). */
  void cancelAll() {
    parked.cancelAll();
  }

  /** How many requests are parked between rounds. */
  int parked() {
    return parked.size();
  }
}
