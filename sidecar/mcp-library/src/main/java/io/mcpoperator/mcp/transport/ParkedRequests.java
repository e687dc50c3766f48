package io.mcpoperator.mcp.transport;

import io.mcpoperator.mcp.jsonrpc.JsonRpcError;
import io.mcpoperator.mcp.jsonrpc.JsonRpcMessage;
import io.mcpoperator.mcp.jsonrpc.JsonRpcMessage.Failure;
import io.mcpoperator.mcp.jsonrpc.JsonRpcMessage.Request;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * This replica's 2026-07-28 requests parked between two multi round-trip (MRTR) rounds: their
 * client was answered {@code input_required} and the backend waits for the retry. Each is found by
 * the {@code requestState} its client holds, {@code mcpgw-mrtr.<replica>.<n>.<secret>}: this
 * replica's random id (so a state from elsewhere is told apart from an expired one), a counter, and
 * 128 random bits (so it cannot be guessed). A parked request waits at most the request timeout;
 * then it is cancelled. A backend that is itself built on this library (a gateway in front of
 * another, or of image-server) passes its own such states through: their issuers are learned from
 * the results, and their retries go to the backend.
 */
final class ParkedRequests {
  static final String PREFIX = "mcpgw-mrtr.";
  private static final Base64.Encoder TOKEN = Base64.getUrlEncoder().withoutPadding();
  private static final int MAX_BACKEND_ISSUERS = 64;

  private final SecureRandom random = new SecureRandom();
  private final String replica;
  private final AtomicLong ids = new AtomicLong();
  private final Map<String, InputRounds> byState = new ConcurrentHashMap<>();
  private final Set<String> backendIssuers = ConcurrentHashMap.newKeySet();
  private final Deadlines deadlines;
  private final Supplier<Duration> timeout;
  private final java.util.function.IntSupplier limit;

  /**
   * @param deadlines the request timeouts, re-armed as requests park and resume
   * @param timeout the request timeout in force
   * @param limit how many requests may wait for their clients' input at once (a parked request
   *     holds its POST's thread and its upstream request, outside {@code maxConcurrentRequests})
   */
  ParkedRequests(
      Deadlines deadlines, Supplier<Duration> timeout, java.util.function.IntSupplier limit) {
    this.deadlines = deadlines;
    this.timeout = timeout;
    this.limit = limit;
    this.replica = token(6);
  }

  /** True when no further request may park (its input request is then refused). */
  boolean full() {
    return byState.size() >= limit.getAsInt();
  }

  /** How many may wait at once. */
  int limit() {
    return limit.getAsInt();
  }

  /**
   * True when {@code params} echo a {@code requestState} for this replica to resume: one of this
   * library's that the backend did not issue (this replica's, or another gateway replica's).
   */
  boolean claims(JsonObject params) {
    return params.get(ModernRequests.REQUEST_STATE) instanceof JsonString s
        && s.getString().startsWith(PREFIX)
        && !backendIssuers.contains(issuer(s.getString()));
  }

  /**
   * Learns from a stateless request's final response whether the backend answered {@code
   * input_required} with a state of this library: the retries with it are the backend's.
   */
  void passed(JsonRpcMessage.Response response) {
    if (response instanceof JsonRpcMessage.Result r
        && r.result().get(ModernRequests.REQUEST_STATE) instanceof JsonString s
        && s.getString().startsWith(PREFIX)) {
      String issuer = issuer(s.getString());
      if (!issuer.equals(replica) && !backendIssuers.contains(issuer)) {
        if (backendIssuers.size() >= MAX_BACKEND_ISSUERS) {
          backendIssuers.clear();
        }
        backendIssuers.add(issuer);
      }
    }
  }

  private static String issuer(String state) {
    int end = state.indexOf('.', PREFIX.length());
    return end < 0 ? "" : state.substring(PREFIX.length(), end);
  }

  /**
   * Parks {@code rounds}: its request's timeout makes way for the parked one ({@link
   * InputRounds#expire}).
   *
   * @return the requestState that finds it again
   */
  String park(InputRounds rounds, InFlight request) {
    String state = PREFIX + replica + "." + ids.incrementAndGet() + "." + token(16);
    byState.put(state, rounds);
    deadlines.forget(request);
    deadlines.watch(rounds, timeout.get(), rounds::expire);
    return state;
  }

  /** The client is back: the request runs again, under the request timeout. */
  void resumed(String state, InputRounds rounds, InFlight request) {
    dropped(state, rounds);
    Duration limit = timeout.get();
    deadlines.watch(request, limit, () -> request.timedOut(limit));
  }

  /** Forgets a parked request (answered, expired or resumed). */
  void dropped(String state, InputRounds rounds) {
    byState.remove(state, rounds);
    deadlines.forget(rounds);
  }

  /** The timeout a parked request waits for its client, in milliseconds (for messages). */
  long timeoutMillis() {
    return timeout.get().toMillis();
  }

  /**
   * A client's retry of a parked request ({@link #claims} its params): resumes the request with the
   * answers, or answers why not to {@code outbox}.
   */
  void resume(Request retry, Outbox outbox) {
    String state = ModernRequests.requestState(retry.params()).orElse("");
    InputRounds rounds = byState.get(state);
    if (rounds == null) {
      boolean here = issuer(state).equals(replica);
      outbox.send(new Failure(retry.id(), ModernRequests.staleState(here)), true);
      return;
    }
    rounds.resume(state, retry, outbox);
  }

  /** Cancels every parked request (the endpoint is closing). */
  void cancelAll() {
    List.copyOf(byState.values()).forEach(InputRounds::expire);
  }

  /** How many requests are parked (for tests). */
  int size() {
    return byState.size();
  }

  private String token(int bytes) {
    byte[] value = new byte[bytes];
    random.nextBytes(value);
    return TOKEN.encodeToString(value);
  }

  /** The error a parked request that waited in vain ends with (nobody receives it). */
  JsonRpcError expired() {
    return JsonRpcError.of(
        JsonRpcError.REQUEST_TIMEOUT,
        "The client did not retry with the requested input within " + timeoutMillis() + " ms");
  }
}
