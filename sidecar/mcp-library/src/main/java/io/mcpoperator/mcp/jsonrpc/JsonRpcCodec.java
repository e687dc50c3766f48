package io.mcpoperator.mcp.jsonrpc;

import io.mcpoperator.mcp.jsonrpc.DecodedBody.Entry;
import io.mcpoperator.mcp.jsonrpc.DecodedBody.Invalid;
import io.mcpoperator.mcp.jsonrpc.DecodedBody.Valid;
import io.mcpoperator.mcp.jsonrpc.JsonRpcMessage.Failure;
import io.mcpoperator.mcp.jsonrpc.JsonRpcMessage.Notification;
import io.mcpoperator.mcp.jsonrpc.JsonRpcMessage.Request;
import io.mcpoperator.mcp.jsonrpc.JsonRpcMessage.Result;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Decodes and encodes JSON-RPC 2.0 messages (single or batch) on jakarta.json. */
public final class JsonRpcCodec {
  private JsonRpcCodec() {}

  /** Decodes a body; never throws: malformed input becomes {@link Invalid} entries. */
  public static DecodedBody decode(byte[] utf8) {
    JsonValue value;
    try {
      value = Json.parse(utf8);
    } catch (JsonException | IllegalStateException e) {
      return single(new Invalid(failure(JsonValue.NULL, JsonRpcError.parseError(reason(e)))));
    }
    if (value instanceof JsonArray array) {
      if (array.isEmpty()) {
        return single(invalid(JsonValue.NULL, "empty batch"));
      }
      List<Entry> entries = new ArrayList<>(array.size());
      for (JsonValue element : array) {
        entries.add(decodeOne(element));
      }
      return new DecodedBody(true, entries);
    }
    return single(decodeOne(value));
  }

  /** Decodes one message from text. */
  public static DecodedBody decode(String text) {
    return decode(text.getBytes(StandardCharsets.UTF_8));
  }

  /** Decodes a single JSON value that should be one message. */
  public static Entry decodeOne(JsonValue value) {
    if (!(value instanceof JsonObject object)) {
      return invalid(JsonValue.NULL, "a message must be a JSON object");
    }
    JsonValue rawId = object.get("id");
    JsonValue id = validId(rawId) ? rawId : JsonValue.NULL;
    if (!(object.get("jsonrpc") instanceof JsonString v) || !"2.0".equals(v.getString())) {
      return invalid(id, "\"jsonrpc\" must be \"2.0\"");
    }
    if (rawId == JsonValue.NULL && object.get("method") == null && object.get("error") != null) {
      // JSON-RPC's error for a request whose id could not be read
      return decodeResponse(object, null, JsonValue.NULL);
    }
    if (rawId != null && !validId(rawId)) {
      return invalid(JsonValue.NULL, "\"id\" must be a string or an integer");
    }
    JsonValue method = object.get("method");
    if (method != null) {
      return decodeCall(object, method, rawId, id);
    }
    return decodeResponse(object, rawId, id);
  }

  private static Entry decodeCall(
      JsonObject object, JsonValue method, JsonValue rawId, JsonValue id) {
    if (!(method instanceof JsonString name) || name.getString().isEmpty()) {
      return invalid(id, "\"method\" must be a non-empty string");
    }
    JsonValue params = object.get("params");
    JsonObject paramsObject;
    if (params == null || params == JsonValue.NULL) {
      paramsObject = JsonValue.EMPTY_JSON_OBJECT;
    } else if (params instanceof JsonObject p) {
      paramsObject = p;
    } else {
      return invalid(id, "\"params\" must be an object");
    }
    if (paramsObject.containsKey("_meta") && !(paramsObject.get("_meta") instanceof JsonObject)) {
      // MCP reserves _meta for an object; SDK servers drop such a message without any answer
      return invalid(id, "\"params._meta\" must be an object");
    }
    return rawId == null
        ? new Valid(new Notification(name.getString(), paramsObject))
        : new Valid(new Request(rawId, name.getString(), paramsObject));
  }

  private static Entry decodeResponse(JsonObject object, JsonValue rawId, JsonValue id) {
    JsonValue result = object.get("result");
    JsonValue error = object.get("error");
    if ((result == null) == (error == null)) {
      return invalid(id, "a message needs \"method\", or exactly one of \"result\" and \"error\"");
    }
    if (result != null) {
      if (rawId == null) {
        return invalid(JsonValue.NULL, "a result needs an \"id\"");
      }
      if (!(result instanceof JsonObject resultObject)) {
        return invalid(id, "\"result\" must be an object");
      }
      return new Valid(new Result(rawId, resultObject));
    }
    return decodeError(error)
        .<Entry>map(e -> new Valid(new Failure(rawId == null ? JsonValue.NULL : rawId, e)))
        .orElseGet(() -> invalid(id, "\"error\" needs an integer \"code\" and a \"message\""));
  }

  private static Optional<JsonRpcError> decodeError(JsonValue error) {
    if (error instanceof JsonObject e
        && e.get("code") instanceof JsonNumber code
        && code.isIntegral()
        && e.get("message") instanceof JsonString message) {
      return Optional.of(
          new JsonRpcError(
              code.intValue(), message.getString(), Optional.ofNullable(e.get("data"))));
    }
    return Optional.empty();
  }

  private static boolean validId(JsonValue id) {
    return id instanceof JsonString || (id instanceof JsonNumber n && n.isIntegral());
  }

  private static DecodedBody single(Entry entry) {
    return new DecodedBody(false, List.of(entry));
  }

  private static Invalid invalid(JsonValue id, String detail) {
    return new Invalid(failure(id, JsonRpcError.invalidRequest(detail)));
  }

  private static Failure failure(JsonValue id, JsonRpcError error) {
    return new Failure(id, error);
  }

  private static String reason(Exception e) {
    String message = e.getMessage();
    return message == null ? "malformed JSON" : message;
  }

  /** The JSON object form of a message. */
  public static JsonObject toJson(JsonRpcMessage message) {
    var builder = Json.object().add("jsonrpc", "2.0");
    switch (message) {
      case Request r -> {
        builder.add("id", r.id()).add("method", r.method());
        if (!r.params().isEmpty()) {
          builder.add("params", r.params());
        }
      }
      case Notification n -> {
        builder.add("method", n.method());
        if (!n.params().isEmpty()) {
          builder.add("params", n.params());
        }
      }
      case Result r -> builder.add("id", r.id()).add("result", r.result());
      case Failure f -> builder.add("id", f.id()).add("error", toJson(f.error()));
    }
    return builder.build();
  }

  /** The JSON object form of an error. */
  public static JsonObject toJson(JsonRpcError error) {
    var builder = Json.object().add("code", error.code()).add("message", error.message());
    error.data().ifPresent(d -> builder.add("data", d));
    return builder.build();
  }

  /** Compact text of one message. */
  public static String encode(JsonRpcMessage message) {
    return Json.write(toJson(message));
  }

  /** Compact text of a batch of messages. */
  public static String encode(List<? extends JsonRpcMessage> batch) {
    var array = Json.array();
    batch.forEach(m -> array.add(toJson(m)));
    return Json.write(array.build());
  }
}
