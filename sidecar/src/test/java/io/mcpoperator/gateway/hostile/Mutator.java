package io.mcpoperator.gateway.hostile;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * Turns valid MCP messages into hostile ones, reproducibly (one seed, one sequence): byte edits
 * (flip, insert, delete, duplicate, truncate) and structural ones the parser must bound (deep
 * nesting, huge numbers and exponents, huge strings and names, bad escapes, NUL bytes, wrong types,
 * batches of junk, random unicode). {@code hack/bench/fuzz.sh} compiles this file with its driver.
 */
final class Mutator {

  static final List<String> SEEDS =
      List.of(
          "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}",
          "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"echo\","
              + "\"arguments\":{\"text\":\"hello\"}}}",
          "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"ping\"}",
          "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":{\"requestId\":2}}",
          "[{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"tools/list\"},"
              + "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"ping\"}]",
          "{\"jsonrpc\":\"2.0\",\"id\":6,\"method\":\"resources/list\",\"params\":{\"_meta\":{}}}",
          "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/list\",\"params\":{\"_meta\":\"x\"}}",
          "{\"jsonrpc\":\"2.0\",\"id\":8,\"result\":{}}",
          "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
              + "\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"fuzz\",\"version\":\"1\"}}}",
          "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");

  private static final String[] VALUES = {
    "null",
    "true",
    "-0",
    "1e9999999999",
    "123456789012345678901234567890",
    "\"\\ud800\"",
    "\"\\u0000\"",
    "[]",
    "{}",
    "\"tools/call\"",
    "-1",
    "9223372036854775808",
    "\"\\x\"",
    "1.5e-400"
  };

  private final Random random;

  Mutator(long seed) {
    this.random = new Random(seed);
  }

  /** The next hostile body. */
  byte[] next() {
    String seed = SEEDS.get(random.nextInt(SEEDS.size()));
    return switch (random.nextInt(11)) {
      case 0 -> nest(seed);
      case 1 -> replaceValue(seed, hugeNumber());
      case 2 -> replaceValue(seed, "\"" + "n".repeat(1 + random.nextInt(2_000_000)) + "\"");
      case 3 -> replaceValue(seed, VALUES[random.nextInt(VALUES.length)]);
      case 4 -> batchOfJunk();
      case 5 -> unicode(seed);
      default -> bytes(seed.getBytes(StandardCharsets.UTF_8), 1 + random.nextInt(6));
    };
  }

  private byte[] nest(String seed) {
    int depth = 1 + random.nextInt(200_000);
    String open = random.nextBoolean() ? "[" : "{\"a\":";
    String close = open.equals("[") ? "]" : "}";
    StringBuilder text = new StringBuilder(seed.length() + depth * 6);
    text.append(seed, 0, seed.length() - 1).append(",\"params\":");
    text.append(open.repeat(depth)).append("1");
    if (random.nextBoolean()) {
      text.append(close.repeat(depth));
    }
    return text.append('}').toString().getBytes(StandardCharsets.UTF_8);
  }

  private String hugeNumber() {
    return switch (random.nextInt(3)) {
      case 0 -> "9".repeat(1 + random.nextInt(100_000));
      case 1 -> "1e" + random.nextLong();
      default -> "0." + "1".repeat(1 + random.nextInt(50_000)) + "e-99999";
    };
  }

  /** Replaces one value (after a colon) of {@code seed} with {@code value}. */
  private byte[] replaceValue(String seed, String value) {
    int colons = (int) seed.chars().filter(c -> c == ':').count();
    int target = random.nextInt(Math.max(1, colons));
    int at = -1;
    for (int i = 0; i <= target; i++) {
      at = seed.indexOf(':', at + 1);
    }
    if (at < 0) {
      return (seed + value).getBytes(StandardCharsets.UTF_8);
    }
    int end = at + 1;
    int depth = 0;
    boolean inString = false;
    while (end < seed.length()) {
      char c = seed.charAt(end);
      if (inString) {
        if (c == '\\') {
          end++;
        } else if (c == '"') {
          inString = false;
        }
      } else if (c == '"') {
        inString = true;
      } else if (c == '{' || c == '[') {
        depth++;
      } else if (c == '}' || c == ']') {
        if (depth == 0) {
          break;
        }
        depth--;
      } else if (c == ',' && depth == 0) {
        break;
      }
      end++;
    }
    return (seed.substring(0, at + 1) + value + seed.substring(end))
        .getBytes(StandardCharsets.UTF_8);
  }

  /** Inserts random code points (surrogate halves, controls, astral, U+FFFE) at a random place. */
  private byte[] unicode(String seed) {
    StringBuilder text = new StringBuilder(seed);
    for (int n = 1 + random.nextInt(8); n > 0; n--) {
      int cp =
          switch (random.nextInt(4)) {
            case 0 -> random.nextInt(0x20);
            case 1 -> 0xD800 + random.nextInt(0x800);
            case 2 -> 0x10000 + random.nextInt(0x100000);
            default -> random.nextBoolean() ? 0xFFFE : random.nextInt(0xD800);
          };
      text.insert(random.nextInt(text.length() + 1), Character.toChars(cp));
    }
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }

  private byte[] batchOfJunk() {
    StringBuilder text = new StringBuilder("[");
    int n = random.nextInt(3_000);
    for (int i = 0; i < n; i++) {
      text.append(i == 0 ? "" : ",").append(VALUES[random.nextInt(VALUES.length)]);
    }
    return text.append(']').toString().getBytes(StandardCharsets.UTF_8);
  }

  private byte[] bytes(byte[] input, int edits) {
    byte[] data = input;
    for (int e = 0; e < edits && data.length > 0; e++) {
      int at = random.nextInt(data.length);
      data =
          switch (random.nextInt(5)) {
            case 0 -> {
              byte[] copy = data.clone();
              copy[at] ^= (byte) (1 << random.nextInt(8));
              yield copy;
            }
            case 1 -> splice(data, at, 0, new byte[] {(byte) random.nextInt(256)});
            case 2 -> splice(data, at, 1, new byte[0]);
            case 3 -> {
              int len = Math.min(data.length - at, 1 + random.nextInt(16));
              byte[] chunk = java.util.Arrays.copyOfRange(data, at, at + len);
              yield splice(data, at, 0, chunk);
            }
            default -> java.util.Arrays.copyOf(data, at);
          };
    }
    return data;
  }

  private static byte[] splice(byte[] data, int at, int remove, byte[] insert) {
    byte[] out = new byte[data.length - remove + insert.length];
    System.arraycopy(data, 0, out, 0, at);
    System.arraycopy(insert, 0, out, at, insert.length);
    System.arraycopy(data, at + remove, out, at + insert.length, data.length - at - remove);
    return out;
  }
}
