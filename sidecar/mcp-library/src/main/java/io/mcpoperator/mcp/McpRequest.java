package io.mcpoperator.mcp;

import io.mcpoperator.mcp.jsonrpc.JsonRpcMessage;
import io.mcpoperator.mcp.session.ClientSession;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * One client request being handled by a {@link McpBackend}, with the channel back to the client
 * that sent it. Messages sent through it travel on the same response stream as the final result
 * (the transport switches the POST response to SSE when the first one is sent).
 *
 * <p>Thread-safe: a backend may call {@link #notify} and {@link #request} from any thread until it
 * returns its result.
 */
public interface McpRequest {

  /** The JSON-RPC method, e.g. {@code tools/call}. */
  String method();

  /** The request's params ({@link JsonValue#EMPTY_JSON_OBJECT} when absent). */
  JsonObject params();

  /** The id the client gave this request. */
  JsonValue id();

  /** The session (or stateless request context) the request belongs to. */
  ClientSession session();

  /**
   * A header of the HTTP request that carried this request (the POST on the Streamable HTTP
   * endpoint, or on the legacy transport's messages endpoint), by case-insensitive name; several
   * fields of that name are joined with commas. Empty when absent, and for requests that did not
   * arrive over HTTP.
   */
  default Optional<String> httpHeader(String name) {
    return Optional.empty();
  }

  /**
   * A value the HTTP layer registered in the context of the request that carried this one (e.g. the
   * caller a filter authenticated), by type. Empty when absent, and for requests that did not
   * arrive over HTTP.
   */
  default <T> Optional<T> attribute(Class<T> type) {
    return Optional.empty();
  }

  /** {@code params._meta.progressToken}, when the client asked for progress. */
  default Optional<JsonValue> progressToken() {
    return params().get("_meta") instanceof JsonObject meta
        ? Optional.ofNullable(meta.get("progressToken"))
        : Optional.empty();
  }

  /** Sends a notification related to this request (progress, logging, ...). */
  void notify(String method, JsonObject params);

  /**
   * Sends a request to the client related to this request (sampling/createMessage,
   * elicitation/create, roots/list) and completes with the client's response.
   */
  CompletableFuture<JsonRpcMessage.Response> request(String method, JsonObject params);

  /** True once the client cancelled the request or it timed out; the result will be dropped. */
  boolean cancelled();

  /** Runs {@code action} when the request is cancelled or times out (at once if already so). */
  void onCancel(Runnable action);
}
