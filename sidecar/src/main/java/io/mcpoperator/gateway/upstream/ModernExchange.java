package io.mcpoperator.gateway.upstream;

import io.mcpoperator.mcp.jsonrpc.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One gateway request served by a 2026-07-28 upstream, across its multi round-trip (MRTR) rounds:
 * each {@code input_required} answer asks the gateway's client for input, and the request is sent
 * again, under a new id, with the answers. Thread-safe.
 *
 * @param gatewayId the id the gateway's upstream session gave the request
 * @param method the request's method
 * @param params its params with the 2026-07-28 {@code _meta}, without input responses
 * @param headers the client headers the request (and each retry) carries
 */
record ModernExchange(
    JsonValue gatewayId, String method, JsonObject params, ClientHeaders headers, Rounds rounds) {

  ModernExchange(JsonValue gatewayId, String method, JsonObject params, ClientHeaders headers) {
    this(gatewayId, method, params, headers, new Rounds(gatewayId));
  }

  /** An input request of the current round: its key in {@code inputRequests} and its method. */
  record Input(String key, String method) {}

  /** The mutable part: the current attempt, the round and its answers. */
  static final class Rounds {
    private final JsonValue first;
    private JsonValue attempt;
    private int round;
    private final Map<String, Input> waiting = new HashMap<>();
    private final Map<String, JsonObject> answers = new LinkedHashMap<>();
    private Optional<String> requestState = Optional.empty();

    Rounds(JsonValue first) {
      this.first = first;
      this.attempt = first;
    }

    synchronized JsonValue attempt() {
      return attempt;
    }

    /**
     * Starts the next round waiting for {@code inputs} (synthetic request id → input).
     *
     * @return the number of this round (1 for the first {@code input_required})
     */
    synchronized int ask(Map<String, Input> inputs, Optional<String> state) {
      round++;
      waiting.clear();
      answers.clear();
      waiting.putAll(inputs);
      requestState = state;
      return round;
    }

    /** The input a synthetic request id stands for, while the round waits for it. */
    synchronized Optional<Input> input(String requestId) {
      return Optional.ofNullable(waiting.get(requestId));
    }

    /**
     * Records the client's answer to one input request.
     *
     * @return true when it was the last one the round waited for
     */
    synchronized boolean answer(String requestId, JsonObject result) {
      Input input = waiting.remove(requestId);
      if (input == null) {
        return false;
      }
      answers.put(input.key(), result);
      return waiting.isEmpty();
    }

    /** The synthetic request ids still unanswered (to forget them when the exchange ends). */
    synchronized List<String> unanswered() {
      return List.copyOf(waiting.keySet());
    }

    /** Moves on to the retry: a new attempt id, and the params it carries. */
    synchronized Retry retry(JsonObject params) {
      attempt = Json.string(text(first) + "/retry-" + round);
      return new Retry(
          attempt, ModernMessages.retryParams(params, new LinkedHashMap<>(answers), requestState));
    }
  }

  /** The next attempt of the request. */
  record Retry(JsonValue id, JsonObject params) {}

  static String text(JsonValue id) {
    return id instanceof JsonString s ? s.getString() : id.toString();
  }
}
