package io.mcpoperator.gateway.config;

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
 * Typed reads of one object of the gateway configuration, the whole document's and its tools[],
 * prompts[] and resources[] entries' alike (the types of contracts/gateway-config.schema.json). A
 * field that is absent or {@code null} takes its default; one of the wrong type, or a missing
 * required one, throws {@link InvalidConfigException} naming its path, e.g. {@code
 * limits.rateLimit.burst must be a positive integer, got 0}.
 */
public final class Fields {
  private final JsonObject object;
  private final String where;

  /**
   * @param where the object's path, e.g. {@code tools[0]} ({@code ""} for the document)
   * @throws InvalidConfigException when {@code value} is not an object
   */
  public Fields(JsonValue value, String where) {
    if (!(value instanceof JsonObject o)) {
      throw new InvalidConfigException(
          (where.isEmpty() ? "the document" : where) + " must be an object, got " + value);
    }
    this.object = o;
    this.where = where;
  }

  /** The object's path ({@code ""} for the document). */
  public String where() {
    return where;
  }

  /** The path of field {@code name}. */
  public String path(String name) {
    return where.isEmpty() ? name : where + "." + name;
  }

  public boolean has(String name) {
    return !absent(object.get(name));
  }

  /** A required, non-empty string. */
  public String text(String name) {
    return optionalText(name)
        .filter(s -> !s.isEmpty())
        .orElseThrow(() -> new InvalidConfigException(path(name) + " is required"));
  }

  public Optional<String> optionalText(String name) {
    JsonValue v = object.get(name);
    if (absent(v)) {
      return Optional.empty();
    }
    if (v instanceof JsonString s) {
      return Optional.of(s.getString());
    }
    throw wrongType(name, "a string", v);
  }

  public boolean flag(String name) {
    JsonValue v = object.get(name);
    if (absent(v)) {
      return false;
    }
    if (v == JsonValue.TRUE || v == JsonValue.FALSE) {
      return v == JsonValue.TRUE;
    }
    throw wrongType(name, "true or false", v);
  }

  /** Any integer of Java's {@code int} range. */
  public Optional<Integer> optionalInt(String name) {
    JsonValue v = object.get(name);
    if (absent(v)) {
      return Optional.empty();
    }
    if (v instanceof JsonNumber n && n.isIntegral()) {
      try {
        return Optional.of(n.intValueExact());
      } catch (ArithmeticException e) {
        throw new InvalidConfigException(path(name) + " is out of range, got " + v);
      }
    }
    throw wrongType(name, "an integer", v);
  }

  /** An integer of at least 1. */
  public Optional<Integer> optionalPositive(String name) {
    Optional<Integer> value = optionalInt(name);
    if (value.isPresent() && value.get() <= 0) {
      throw wrongType(name, "a positive integer", object.get(name));
    }
    return value;
  }

  /** A TCP port, 0 to 65535. */
  public int port(String name, int fallback) {
    int port = optionalInt(name).orElse(fallback);
    if (port < 0 || port > 65535) {
      throw wrongType(name, "a port number", object.get(name));
    }
    return port;
  }

  public Optional<Duration> millis(String name) {
    return optionalPositive(name).map(Duration::ofMillis);
  }

  public Optional<Duration> seconds(String name) {
    return optionalPositive(name).map(Duration::ofSeconds);
  }

  /** A required object. */
  public JsonObject object(String name) {
    JsonValue v = object.get(name);
    if (absent(v)) {
      throw new InvalidConfigException(path(name) + " is required");
    }
    if (v instanceof JsonObject o) {
      return o;
    }
    throw wrongType(name, "an object", v);
  }

  public Optional<JsonObject> optionalObject(String name) {
    JsonValue v = object.get(name);
    if (absent(v)) {
      return Optional.empty();
    }
    if (v instanceof JsonObject o) {
      return Optional.of(o);
    }
    throw wrongType(name, "an object or null", v);
  }

  /** The value of field {@code name}, of any type; empty when absent or {@code null}. */
  public Optional<JsonValue> optionalValue(String name) {
    JsonValue v = object.get(name);
    return absent(v) ? Optional.empty() : Optional.of(v);
  }

  /** Object {@code name} as {@link Fields}; an absent one reads as {@code {}} (every default). */
  public Fields fields(String name) {
    return new Fields(optionalObject(name).orElse(JsonValue.EMPTY_JSON_OBJECT), path(name));
  }

  /** Array {@code name} (empty when absent), its entries unread. */
  public JsonArray array(String name) {
    JsonValue v = object.get(name);
    if (absent(v)) {
      return JsonValue.EMPTY_JSON_ARRAY;
    }
    if (v instanceof JsonArray a) {
      return a;
    }
    throw wrongType(name, "an array", v);
  }

  /** The entries of array {@code name} (empty when absent), each as {@link Fields}. */
  public List<Fields> list(String name) {
    JsonArray a = array(name);
    var out = new ArrayList<Fields>(a.size());
    for (int i = 0; i < a.size(); i++) {
      out.add(new Fields(a.get(i), path(name) + "[" + i + "]"));
    }
    return out;
  }

  /** An array of strings (empty when absent). */
  public List<String> texts(String name) {
    JsonArray a = array(name);
    var out = new ArrayList<String>(a.size());
    for (int i = 0; i < a.size(); i++) {
      if (!(a.get(i) instanceof JsonString s)) {
        throw new InvalidConfigException(
            path(name) + "[" + i + "] must be a string, got " + a.get(i));
      }
      out.add(s.getString());
    }
    return List.copyOf(out);
  }

  private InvalidConfigException wrongType(String name, String expected, JsonValue got) {
    return new InvalidConfigException(path(name) + " must be " + expected + ", got " + got);
  }

  private static boolean absent(JsonValue v) {
    return v == null || v == JsonValue.NULL;
  }
}
