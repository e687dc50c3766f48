package io.mcpoperator.mcp.jsonrpc;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Cached jakarta.json factories. {@code jakarta.json.Json}'s static methods look the provider up on
 * every call, which costs more than parsing a small message.
 */
public final class Json {
  private static final JsonProvider PROVIDER = JsonProvider.provider();
  private static final jakarta.json.stream.JsonParserFactory PARSERS =
      PROVIDER.createParserFactory(null);
  private static final jakarta.json.JsonWriterFactory WRITERS = PROVIDER.createWriterFactory(null);
  private static final jakarta.json.JsonBuilderFactory BUILDERS =
      PROVIDER.createBuilderFactory(null);

  private Json() {}

  /** An empty object builder. */
  public static JsonObjectBuilder object() {
    return BUILDERS.createObjectBuilder();
  }

  /** An object builder starting from {@code base}. */
  public static JsonObjectBuilder object(JsonObject base) {
    return BUILDERS.createObjectBuilder(base);
  }

  /** An empty array builder. */
  public static JsonArrayBuilder array() {
    return BUILDERS.createArrayBuilder();
  }

  /** A JSON string value. */
  public static JsonString string(String value) {
    return PROVIDER.createValue(value);
  }

  /** A JSON number value. */
  public static JsonValue number(long value) {
    return PROVIDER.createValue(value);
  }

  /**
   * Parses one JSON value.
   *
   * @throws JsonParsingException when the text is not JSON
   */
  public static JsonValue parse(byte[] utf8) {
    return parse(new String(utf8, StandardCharsets.UTF_8));
  }

  /**
   * Parses one JSON value from text. (From a {@link StringReader}: a reader over bytes would
   * allocate an 8 KiB decoding buffer for every message, most of which are a few hundred bytes.)
   * Parsson's limits (nesting deeper than 1000 levels, numbers of more than 1100 characters or with
   * an exponent beyond an int's range) surface as a {@link JsonException} like any other malformed
   * text. Anything but whitespace after the value (a second object, trailing garbage) is malformed
   * too: Parsson's {@code JsonReader} would ignore it and answer the first object.
   *
   * @throws JsonException when the text is not JSON or exceeds a limit
   */
  public static JsonValue parse(String text) {
    try (var parser = PARSERS.createParser(new StringReader(text))) {
      if (!parser.hasNext()) {
        throw new JsonException("no JSON value");
      }
      parser.next();
      JsonValue value = parser.getValue();
      if (parser.hasNext()) {
        throw new JsonException("unexpected content after the JSON value");
      }
      return value;
    } catch (JsonException e) {
      throw e;
    } catch (RuntimeException e) {
      // Parsson reports its limits as RuntimeException, NumberFormatException and
      // UnsupportedOperationException
      throw new JsonException(
          e.getMessage() == null ? "JSON exceeds a parser limit" : e.getMessage());
    }
  }

  /** Compact serialization. */
  public static String write(JsonValue value) {
    var out = new StringWriter(128);
    try (var writer = WRITERS.createWriter(out)) {
      writer.write(value);
    }
    return out.toString();
  }

  /** The string member {@code name} of {@code object}, if it is a string. */
  public static Optional<String> string(JsonObject object, String name) {
    return object.get(name) instanceof JsonString s ? Optional.of(s.getString()) : Optional.empty();
  }

  /** The object member {@code name} of {@code object}, if it is an object. */
  public static Optional<JsonObject> object(JsonObject object, String name) {
    return object.get(name) instanceof JsonObject o ? Optional.of(o) : Optional.empty();
  }

  /** The array member {@code name} of {@code object}, if it is an array. */
  public static Optional<JsonArray> array(JsonObject object, String name) {
    return object.get(name) instanceof JsonArray a ? Optional.of(a) : Optional.empty();
  }
}
