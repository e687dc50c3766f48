package io.mcpoperator.gateway.aggregate;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Typed reads of one configuration entry's fields. A missing or mistyped required field throws
 * {@link MalformedEntryException} naming it; optional ones treat {@code null} as absent.
 */
final class Fields {
  private final JsonObject object;
  private final String where;

  Fields(JsonValue value, String where) {
    if (!(value instanceof JsonObject o)) {
      throw new MalformedEntryException(where + " must be an object");
    }
    this.object = o;
    this.where = where;
  }

  String where() {
    return where;
  }

  String text(String name) {
    return optionalText(name)
        .filter(s -> !s.isEmpty())
        .orElseThrow(() -> new MalformedEntryException(where + "." + name + " is required"));
  }

  Optional<String> optionalText(String name) {
    JsonValue v = object.get(name);
    if (absent(v)) {
      return Optional.empty();
    }
    if (v instanceof JsonString s) {
      return Optional.of(s.getString());
    }
    throw new MalformedEntryException(where + "." + name + " must be a string");
  }

  boolean flag(String name) {
    JsonValue v = object.get(name);
    if (absent(v)) {
      return false;
    }
    if (v == JsonValue.TRUE || v == JsonValue.FALSE) {
      return v == JsonValue.TRUE;
    }
    throw new MalformedEntryException(where + "." + name + " must be true or false");
  }

  Optional<Integer> optionalInt(String name) {
    JsonValue v = object.get(name);
    if (absent(v)) {
      return Optional.empty();
    }
    if (v instanceof JsonNumber n && n.isIntegral() && n.longValue() > 0) {
      return Optional.of(n.intValue());
    }
    throw new MalformedEntryException(where + "." + name + " must be a positive integer");
  }

  Optional<Duration> millis(String name) {
    return optionalInt(name).map(Duration::ofMillis);
  }

  Optional<Duration> seconds(String name) {
    return optionalInt(name).map(Duration::ofSeconds);
  }

  JsonObject object(String name) {
    return optionalObject(name)
        .orElseThrow(() -> new MalformedEntryException(where + "." + name + " is required"));
  }

  Optional<JsonObject> optionalObject(String name) {
    JsonValue v = object.get(name);
    if (absent(v)) {
      return Optional.empty();
    }
    if (v instanceof JsonObject o) {
      return Optional.of(o);
    }
    throw new MalformedEntryException(where + "." + name + " must be an object");
  }

  /** The entries of array {@code name} (empty when absent), each as {@link Fields}. */
  List<Fields> list(String name) {
    JsonValue v = object.get(name);
    if (absent(v)) {
      return List.of();
    }
    if (!(v instanceof JsonArray a)) {
      throw new MalformedEntryException(where + "." + name + " must be an array");
    }
    var out = new ArrayList<Fields>(a.size());
    for (int i = 0; i < a.size(); i++) {
      out.add(new Fields(a.get(i), where + "." + name + "[" + i + "]"));
    }
    return out;
  }

  boolean has(String name) {
    return !absent(object.get(name));
  }

  private static boolean absent(JsonValue v) {
    return v == null || v == JsonValue.NULL;
  }

  /** An entry the gateway cannot serve; it is skipped, the others are served. */
  static final class MalformedEntryException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    MalformedEntryException(String message) {
      super(message);
    }
  }
}
