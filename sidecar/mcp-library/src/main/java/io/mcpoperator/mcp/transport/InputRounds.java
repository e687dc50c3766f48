package io.mcpoperator.mcp.transport;

import io.mcpoperator.mcp.jsonrpc.Json;
import io.mcpoperator.mcp.jsonrpc.JsonRpcError;
import io.mcpoperator.mcp.jsonrpc.JsonRpcMessage;
import io.mcpoperator.mcp.jsonrpc.JsonRpcMessage.Failure;
import io.mcpoperator.mcp.jsonrpc.JsonRpcMessage.Notification;
import io.mcpoperator.mcp.jsonrpc.JsonRpcMessage.Request;
import io.mcpoperator.mcp.jsonrpc.JsonRpcMessage.Response;
import io.mcpoperator.mcp.jsonrpc.JsonRpcMessage.Result;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The multi round-trip (MRTR) rounds of one 2026-07-28 request whose backend asks its client for
 * input ({@link InFlight#request}). Such a client takes no server-to-client requests, so the first
 * one answers the client's HTTP request at once with {@code input_required} (the input request
 * under a key, and a {@code requestState}), and the request is parked ({@link ParkedRequests})
 * while the backend keeps waiting. The client's retry of the request, with {@code inputResponses}
 * and the {@code requestState}, completes the backend's input requests and takes the place of the
 * first HTTP request: it receives whatever comes next, the final response or another round. Input
 * requests made while parked are asked in the next round. Created on the first input request only.
 */
final class InputRounds {
  private static final Logger LOG = LoggerFactory.getLogger(InputRounds.class);

  private record Input(Request request, CompletableFuture<Response> answer) {}

  private final InFlight request;
  private final ParkedRequests parked;
  // guarded by this
  private Outbox outbox;
  private JsonValue clientId;
  private String state;
  private final Map<String, Input> asked = new LinkedHashMap<>();
  private final Map<String, Input> next = new LinkedHashMap<>();
  private Response held;
  private boolean ended;
  private int keys;

  /**
   * @param outbox where the request's current HTTP exchange takes its answer
   */
  InputRounds(InFlight request, Outbox outbox, ParkedRequests parked) {
    this.request = request;
    this.parked = parked;
    this.outbox = outbox;
    this.clientId = request.id();
  }

  /** Asks the client {@code method}: now when its HTTP request waits, else in the next round. */
  CompletableFuture<Response> ask(String method, JsonObject params) {
    var input = new Input(new Request(JsonValue.NULL, method, params), new CompletableFuture<>());
    Outbox to;
    JsonRpcMessage question;
    synchronized (this) {
      if (ended) {
        return CompletableFuture.failedFuture(
            new IllegalStateException("request already answered"));
      }
      String key = key(method);
      if (outbox == null) {
        next.put(key, input);
        return input.answer();
      }
      if (parked.full()) {
        return CompletableFuture.failedFuture(
            new IllegalStateException(
                parked.limit()
                    + " requests are already waiting for their clients' input on this replica"));
      }
      to = outbox;
      question = park(Map.of(key, input));
    }
    if (request.onWorker()) {
      // the backend goes on to wait for the answer on this thread, which may be the one that
      // answers the client's HTTP request once the backend returns: another thread answers now
      Thread.ofVirtual().name("mcp-input-required").start(() -> to.send(question, true));
    } else {
      to.send(question, true);
    }
    return input.answer();
  }

  /** A notification of the request: to its current HTTP exchange; dropped while parked. */
  void notify(Notification notification) {
    Outbox to;
    synchronized (this) {
      to = outbox;
    }
    if (to != null) {
      to.send(notification, false);
    }
  }

  /** The request's final response: to the current HTTP exchange, or kept for the next retry. */
  void deliver(Response response) {
    Outbox to;
    JsonRpcMessage message;
    List<Input> moot;
    synchronized (this) {
      ended = true;
      moot = new ArrayList<>(next.values());
      next.clear();
      moot.addAll(asked.values());
      if (outbox == null) {
        // parked: the retry gets it; expired: nobody will
        held = state != null ? response : null;
        to = null;
        message = null;
      } else {
        to = outbox;
        message = withId(response, clientId);
        outbox = null;
      }
    }
    moot.forEach(i -> i.answer().cancel(false));
    if (to != null) {
      to.send(message, true);
    }
  }

  /**
   * The client's retry with {@code state}: when it repeats the request and answers every input
   * asked, the answers go to the backend and {@code to} takes what comes next; otherwise {@code to}
   * gets an error and the request stays parked.
   */
  void resume(String state, Request retry, Outbox to) {
    Map<String, Input> answered = Map.of();
    JsonRpcMessage reply = null;
    synchronized (this) {
      Optional<JsonRpcError> refusal = refusal(state, retry);
      if (refusal.isPresent()) {
        reply = new Failure(retry.id(), refusal.get());
      } else {
        answered = new LinkedHashMap<>(asked);
        asked.clear();
        this.state = null;
        if (held != null) {
          parked.dropped(state, this);
          reply = withId(held, retry.id());
          held = null;
        } else {
          parked.resumed(state, this, request);
          outbox = to;
          clientId = retry.id();
          if (!next.isEmpty()) {
            var inputs = new LinkedHashMap<>(next);
            next.clear();
            reply = park(inputs);
          }
        }
      }
    }
    answered.forEach(
        (key, input) ->
            input
                .answer()
                .complete(
                    new Result(JsonValue.NULL, ModernRequests.inputResponse(retry.params(), key))));
    if (reply != null) {
      to.send(reply, true);
    }
  }

  /** The client did not retry in time: the request is cancelled, its state dropped. */
  void expire() {
    List<Input> moot;
    synchronized (this) {
      if (state == null) {
        return; // resumed meanwhile, or already expired
      }
      parked.dropped(state, this);
      LOG.debug(
          "{} {} waited {} ms for its client's input in vain: cancelled",
          request.method(),
          request.id(),
          parked.timeoutMillis());
      state = null;
      held = null;
      ended = true;
      moot = new ArrayList<>(asked.values());
      moot.addAll(next.values());
      asked.clear();
      next.clear();
    }
    request.abort(parked.expired());
    moot.forEach(i -> i.answer().cancel(false));
  }

  // ---- holding the lock ----

  /** Asks {@code inputs} in the answer to the client's current HTTP request, and parks. */
  private JsonRpcMessage park(Map<String, Input> inputs) {
    asked.putAll(inputs);
    state = parked.park(this, request);
    var requests = new LinkedHashMap<String, Request>();
    inputs.forEach((key, input) -> requests.put(key, input.request()));
    JsonRpcMessage question = ModernRequests.inputRequired(clientId, requests, state);
    outbox = null;
    clientId = null;
    return question;
  }

  private Optional<JsonRpcError> refusal(String state, Request retry) {
    if (!state.equals(this.state)) {
      return Optional.of(ModernRequests.staleState(true));
    }
    if (!ModernRequests.repeats(retry, request.method(), request.params())) {
      return Optional.of(
          ModernRequests.otherRequest(
              request.method(),
              ModernRequests.bodyName(
                  new Request(request.id(), request.method(), request.params()))));
    }
    return ModernRequests.unanswered(retry.params(), asked.keySet());
  }

  private String key(String method) {
    return MultiRoundTrip.capability(method).orElse("input") + "-" + ++keys;
  }

  private static JsonRpcMessage withId(Response response, JsonValue id) {
    return switch (response) {
      case Result r -> new Result(id, r.result());
      case Failure f -> new Failure(id, f.error());
    };
  }

  @Override
  public String toString() {
    return "InputRounds[" + request.method() + " " + Json.write(request.id()) + "]";
  }
}
