package io.mcpoperator.gateway.upstream;

import io.mcpoperator.mcp.jsonrpc.Json;
import io.mcpoperator.mcp.transport.ModernHeaders;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code Mcp-Param-{Name}} headers a 2026-07-28 Streamable HTTP client mirrors from {@code
 * tools/call} arguments: the tools' input schemas mark parameters with {@code x-mcp-header}.
 * Learned from the {@code tools/list} results on their way through; a tool whose annotations break
 * the rules (not a token, duplicate, not a primitive, not reachable through {@code properties}
 * only) is left out of the list, as the transport requires.
 */
final class ParamHeaders {
  private static final Logger LOG = LoggerFactory.getLogger(ParamHeaders.class);
  private static final String ANNOTATION = "x-mcp-header";
  private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
  private static final Set<String> PRIMITIVE = Set.of("string", "integer", "boolean");
  private static final Set<String> NESTING =
      Set.of(
          "items",
          "prefixItems",
          "additionalProperties",
          "oneOf",
          "anyOf",
          "allOf",
          "not",
          "if",
          "then",
          "else",
          "$defs",
          "definitions",
          "patternProperties",
          "dependentSchemas");

  /** One annotated parameter: the header name part and the property path from the root. */
  record Param(String name, List<String> path) {}

  private final Map<String, List<Param>> byTool = new ConcurrentHashMap<>();
  private volatile boolean listed;

  /** True once a tools/list result has been seen. */
  boolean listed() {
    return listed;
  }

  /** Learns the annotated parameters of a tools/list result; returns it without invalid tools. */
  JsonObject learn(JsonObject result) {
    Optional<JsonArray> tools = Json.array(result, "tools");
    if (tools.isEmpty()) {
      return result;
    }
    var kept = Json.array();
    boolean dropped = false;
    for (JsonValue value : tools.get()) {
      if (!(value instanceof JsonObject tool)) {
        kept.add(value);
        continue;
      }
      String name = Json.string(tool, "name").orElse("");
      var params = new ArrayList<Param>();
      Optional<String> problem =
          collect(
              Json.object(tool, "inputSchema").orElse(JsonValue.EMPTY_JSON_OBJECT),
              List.of(),
              params,
              true);
      if (problem.isEmpty()) {
        problem = duplicates(params);
      }
      if (problem.isPresent()) {
        LOG.warn("upstream tool {} left out: x-mcp-header {}", name, problem.get());
        byTool.remove(name);
        dropped = true;
        continue;
      }
      byTool.put(name, List.copyOf(params));
      kept.add(tool);
    }
    listed = true;
    return dropped ? Json.object(result).add("tools", kept).build() : result;
  }

  /** Hands each {@code Mcp-Param-*} header of a call of {@code tool} to {@code header}. */
  void apply(String tool, JsonObject arguments, BiConsumer<String, String> header) {
    for (Param param : byTool.getOrDefault(tool, List.of())) {
      JsonValue value = arguments;
      for (String step : param.path()) {
        value = value instanceof JsonObject o ? o.get(step) : null;
      }
      text(value)
          .ifPresent(v -> header.accept("Mcp-Param-" + param.name(), ModernHeaders.encode(v)));
    }
  }

  private static Optional<String> text(JsonValue value) {
    return switch (value) {
      case JsonString s -> Optional.of(s.getString());
      case JsonNumber n when n.isIntegral() -> Optional.of(n.bigIntegerValue().toString());
      case null -> Optional.empty();
      default ->
          value == JsonValue.TRUE
              ? Optional.of("true")
              : value == JsonValue.FALSE ? Optional.of("false") : Optional.empty();
    };
  }

  /** Walks a schema; {@code reachable} is false below a keyword other than {@code properties}. */
  private static Optional<String> collect(
      JsonObject schema, List<String> path, List<Param> into, boolean reachable) {
    for (var entry : schema.entrySet()) {
      String key = entry.getKey();
      JsonValue value = entry.getValue();
      if (key.equals("properties") && value instanceof JsonObject properties) {
        for (var property : properties.entrySet()) {
          if (property.getValue() instanceof JsonObject child) {
            var childPath = new ArrayList<>(path);
            childPath.add(property.getKey());
            Optional<String> problem = annotated(child, childPath, into, reachable);
            if (problem.isEmpty()) {
              problem = collect(child, childPath, into, reachable);
            }
            if (problem.isPresent()) {
              return problem;
            }
          }
        }
      } else if (NESTING.contains(key) || key.equals("$ref")) {
        Optional<String> problem = nested(value, path, into);
        if (problem.isPresent()) {
          return problem;
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<String> nested(JsonValue value, List<String> path, List<Param> into) {
    if (value instanceof JsonObject o) {
      if (o.containsKey(ANNOTATION)) {
        return Optional.of("on a property not reachable through properties only");
      }
      return collect(o, path, into, false);
    }
    if (value instanceof JsonArray a) {
      for (JsonValue item : a) {
        Optional<String> problem = nested(item, path, into);
        if (problem.isPresent()) {
          return problem;
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<String> annotated(
      JsonObject property, List<String> path, List<Param> into, boolean reachable) {
    JsonValue annotation = property.get(ANNOTATION);
    if (annotation == null) {
      return Optional.empty();
    }
    String at = String.join(".", path);
    if (!reachable) {
      return Optional.of("on " + at + ", which is not reachable through properties only");
    }
    if (!(annotation instanceof JsonString s) || !TOKEN.matcher(s.getString()).matches()) {
      return Optional.of(annotation + " on " + at + " is not an HTTP field-name token");
    }
    if (!PRIMITIVE.contains(Json.string(property, "type").orElse(""))) {
      return Optional.of(
          s.getString() + " on " + at + " is not on a string, integer or boolean parameter");
    }
    into.add(new Param(s.getString(), List.copyOf(path)));
    return Optional.empty();
  }

  private static Optional<String> duplicates(List<Param> params) {
    Set<String> seen = new HashSet<>();
    for (Param p : params) {
      if (!seen.add(p.name().toLowerCase(Locale.ROOT))) {
        return Optional.of(p.name() + " is used twice");
      }
    }
    return Optional.empty();
  }
}
