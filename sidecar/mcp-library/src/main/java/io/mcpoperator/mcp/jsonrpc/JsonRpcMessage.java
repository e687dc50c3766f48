package io.mcpoperator.mcp.jsonrpc;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * A JSON-RPC 2.0 message. Ids are kept as the {@link JsonValue} the peer sent (string or number),
 * so they are echoed back byte for byte. {@code params} is {@link JsonValue#EMPTY_JSON_OBJECT} when
 * the message had none.
 */
public sealed interface JsonRpcMessage {

  /** A request: expects exactly one response with the same id. */
  record Request(JsonValue id, String method, JsonObject params) implements JsonRpcMessage {}

  /** A notification: no id, no response. */
  record Notification(String method, JsonObject params) implements JsonRpcMessage {}

  /** A response: a result or an error for the request with the same id. */
  sealed interface Response extends JsonRpcMessage {
    JsonValue id();
  }

  /** A successful response. */
  record Result(JsonValue id, JsonObject result) implements Response {}

  /** An error response. {@code id} is {@link JsonValue#NULL} when the request's id was unknown. */
  record Failure(JsonValue id, JsonRpcError error) implements Response {}

  static Request request(JsonValue id, String method, JsonObject params) {
    return new Request(id, method, params);
  }

  static Notification notification(String method, JsonObject params) {
    return new Notification(method, params);
  }

  static Result result(JsonValue id, JsonObject result) {
    return new Result(id, result);
  }

  static Failure failure(JsonValue id, JsonRpcError error) {
    return new Failure(id, error);
  }
}
