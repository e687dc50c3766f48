package io.mcpoperator.operator.api;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Typed reads of the fields of one JSON object, failing with {@link InvalidSpecException} that
 * names the field ({@code spec.redis.port must be an integer ...}).
 */
final class JsonFields {
  private final JsonObject object;
  private final String path;

  JsonFields(JsonObject object, String path) {
    this.object = object == null ? new JsonObject() : object;
    this.path = path;
  }

  String path(String field) {
    return path + "." + field;
  }

  private Optional<JsonElement> field(String field) {
    JsonElement value = object.get(field);
    return value == null || value.isJsonNull() ? Optional.empty() : Optional.of(value);
  }

  Optional<String> string(String field) {
    return field(field)
        .map(
            v -> {
              if (!v.isJsonPrimitive() || !v.getAsJsonPrimitive().isString()) {
                throw invalid(field, "must be a string");
              }
              return v.getAsString().strip();
            })
        .filter(s -> !s.isEmpty());
  }

  /** The exact string value (not stripped; empty kept), for round-tripping written values. */
  Optional<String> text(String field) {
    return field(field)
        .map(
            v -> {
              if (!v.isJsonPrimitive() || !v.getAsJsonPrimitive().isString()) {
                throw invalid(field, "must be a string");
              }
              return v.getAsString();
            });
  }

  long integer(String field, long defaultValue, long min, long max) {
    Optional<JsonElement> value = field(field);
    if (value.isEmpty()) {
      return defaultValue;
    }
    JsonElement v = value.get();
    if (!v.isJsonPrimitive()
        || !v.getAsJsonPrimitive().isNumber()
        || !whole(v.getAsJsonPrimitive())) {
      throw invalid(field, "must be an integer, got " + v);
    }
    long n = v.getAsLong();
    if (n < min || n > max) {
      throw invalid(field, "must be between " + min + " and " + max + ", got " + n);
    }
    return n;
  }

  private static boolean whole(JsonPrimitive p) {
    double d = p.getAsDouble();
    return d == Math.rint(d) && !Double.isInfinite(d);
  }

  List<String> strings(String field) {
    List<String> out = new ArrayList<>();
    JsonArray array = array(field);
    for (int i = 0; i < array.size(); i++) {
      JsonElement item = array.get(i);
      if (!item.isJsonPrimitive() || !item.getAsJsonPrimitive().isString()) {
        throw invalid(field + "[" + i + "]", "must be a string");
      }
      out.add(item.getAsString());
    }
    return out;
  }

  Map<String, String> stringMap(String field) {
    Map<String, String> out = new LinkedHashMap<>();
    Optional<JsonObject> map = object(field);
    map.ifPresent(
        m ->
            m.entrySet()
                .forEach(
                    e -> {
                      if (!e.getValue().isJsonPrimitive()) {
                        throw invalid(field + "." + e.getKey(), "must be a string");
                      }
                      out.put(e.getKey(), e.getValue().getAsString());
                    }));
    return out;
  }

  Optional<JsonObject> object(String field) {
    return field(field)
        .map(
            v -> {
              if (!v.isJsonObject()) {
                throw invalid(field, "must be an object");
              }
              return v.getAsJsonObject();
            });
  }

  JsonFields nested(String field) {
    return new JsonFields(object(field).orElse(null), path(field));
  }

  boolean bool(String field, boolean defaultValue) {
    return field(field)
        .map(
            v -> {
              if (!v.isJsonPrimitive() || !v.getAsJsonPrimitive().isBoolean()) {
                throw invalid(field, "must be true or false");
              }
              return v.getAsBoolean();
            })
        .orElse(defaultValue);
  }

  /** The items of a list of objects, each read with its indexed path ({@code spec.x[2]}). */
  List<JsonFields> objects(String field) {
    List<JsonFields> out = new ArrayList<>();
    JsonArray array = array(field);
    for (int i = 0; i < array.size(); i++) {
      JsonElement item = array.get(i);
      if (!item.isJsonObject()) {
        throw invalid(field + "[" + i + "]", "must be an object");
      }
      out.add(new JsonFields(item.getAsJsonObject(), path(field) + "[" + i + "]"));
    }
    return out;
  }

  /** A required string field. */
  String required(String field, String hint) {
    return string(field).orElseThrow(() -> invalid(field, "is required: " + hint));
  }

  boolean has(String field) {
    return field(field).isPresent();
  }

  <T> Optional<T> model(String field, Class<T> type) {
    return object(field).map(v -> read(v, type, path(field)));
  }

  <T> List<T> models(String field, Class<T> type) {
    List<T> out = new ArrayList<>();
    JsonArray array = array(field);
    for (int i = 0; i < array.size(); i++) {
      out.add(read(array.get(i), type, path(field) + "[" + i + "]"));
    }
    return out;
  }

  private static <T> T read(JsonElement json, Class<T> type, String path) {
    try {
      T model = KubernetesJson.read(json, type);
      if (model == null) {
        throw new InvalidSpecException(path + " must not be null");
      }
      return model;
    } catch (IllegalArgumentException e) {
      throw new InvalidSpecException(
          path + " is not a valid " + kind(type) + ": " + e.getMessage());
    }
  }

  private static String kind(Class<?> type) {
    return type.getSimpleName().replaceFirst("^V\\d+", "");
  }

  private JsonArray array(String field) {
    return field(field)
        .map(
            v -> {
              if (!v.isJsonArray()) {
                throw invalid(field, "must be a list");
              }
              return v.getAsJsonArray();
            })
        .orElseGet(JsonArray::new);
  }

  InvalidSpecException invalid(String field, String problem) {
    return new InvalidSpecException(path(field) + " " + problem);
  }
}
