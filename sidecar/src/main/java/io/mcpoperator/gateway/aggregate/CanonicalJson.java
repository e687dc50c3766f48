package io.mcpoperator.gateway.aggregate;

import io.mcpoperator.mcp.jsonrpc.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.TreeMap;

/** A JSON value with object members sorted by name, so equal arguments give one cache key. */
final class CanonicalJson {
  private CanonicalJson() {}

  static JsonValue canonical(JsonValue value) {
    return switch (value) {
      case JsonObject o -> {
        var sorted = new TreeMap<String, JsonValue>(o);
        var out = Json.object();
        sorted.forEach((k, v) -> out.add(k, canonical(v)));
        yield out.build();
      }
      case JsonArray a -> {
        var out = Json.array();
        a.forEach(v -> out.add(canonical(v)));
        yield out.build();
      }
      default -> value;
    };
  }

  /** SHA-256 (hex) of the canonical form. */
  static String digest(JsonValue value) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256")
              .digest(Json.write(canonical(value)).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }
}
