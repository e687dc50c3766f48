package io.mcpoperator.gateway.aggregate;

import io.mcpoperator.gateway.aggregate.HttpCall.Pair;
import io.mcpoperator.mcp.jsonrpc.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Turns a tool call into its HTTP request: GET and DELETE carry the arguments as query parameters
 * (arrays repeat the parameter, objects are sent as JSON text, nulls are left out), POST, PUT and
 * PATCH as a JSON body. Headers come from the tool's static values and environment variables.
 */
public final class ToolRequests {
  private ToolRequests() {}

  /** A request, or why there is none. */
  public sealed interface Built {}

  /** The request to send. */
  public record Ready(HttpCall call) implements Built {}

  /** A header's environment variable is unset (its Secret or key is missing). */
  public record Refused(String message) implements Built {}

  public static Built build(
      ToolSpec tool,
      JsonObject arguments,
      Function<String, Optional<String>> env,
      Duration defaultTimeout) {
    var headers = new ArrayList<Pair>();
    for (ToolSpec.Header h : tool.headers()) {
      Optional<String> value = h.value().or(() -> h.valueEnv().flatMap(env));
      if (value.isEmpty()) {
        return new Refused(
            "Tool "
                + tool.name()
                + " is not fully configured: header "
                + h.name()
                + " comes from environment variable "
                + h.valueEnv().orElse("?")
                + ", which is not set (is its Secret or key missing?)");
      }
      headers.add(new Pair(h.name(), value.get()));
    }
    boolean inQuery = tool.argumentsInQuery();
    return new Ready(
        new HttpCall(
            tool.method(),
            URI.create(tool.url()),
            inQuery ? query(arguments) : List.of(),
            headers,
            inQuery ? Optional.empty() : Optional.of(Json.write(arguments)),
            tool.timeout().orElse(defaultTimeout)));
  }

  static List<Pair> query(JsonObject arguments) {
    var out = new ArrayList<Pair>();
    arguments.forEach(
        (name, value) -> {
          if (value instanceof JsonArray array) {
            array.forEach(v -> scalar(v).ifPresent(s -> out.add(new Pair(name, s))));
          } else {
            scalar(value).ifPresent(s -> out.add(new Pair(name, s)));
          }
        });
    return out;
  }

  /** The query-string form of a value: strings as is, numbers and booleans as JSON, no null. */
  static Optional<String> scalar(JsonValue value) {
    return switch (value) {
      case JsonString s -> Optional.of(s.getString());
      case JsonNumber n -> Optional.of(n.toString());
      case JsonValue v when v == JsonValue.NULL -> Optional.empty();
      default -> Optional.of(Json.write(value));
    };
  }
}
