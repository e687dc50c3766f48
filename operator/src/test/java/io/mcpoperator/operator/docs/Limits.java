package io.mcpoperator.operator.docs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A schema node's bounds in words: lengths, ranges, item and entry counts, pattern. */
final class Limits {
  private Limits() {}

  /** Markdown phrases, e.g. {@code 1–65535}, {@code at most 63 characters}, {@code pattern `…`}. */
  static List<String> of(Map<String, Object> node) {
    List<String> out = new ArrayList<>();
    range(node, "minLength", "maxLength", " character", " characters").ifPresent(out::add);
    range(node, "minimum", "maximum", "", "").ifPresent(out::add);
    range(node, "minItems", "maxItems", " item", " items").ifPresent(out::add);
    range(node, "minProperties", "maxProperties", " entry", " entries").ifPresent(out::add);
    if (node.get("pattern") instanceof String pattern) {
      out.add("pattern " + Markdown.code(pattern));
    }
    return out;
  }

  private static Optional<String> range(
      Map<String, Object> node, String minKey, String maxKey, String one, String many) {
    Object min = node.get(minKey);
    Object max = node.get(maxKey);
    if (min != null && max != null) {
      return Optional.of(min + "–" + max + many);
    }
    if (max != null) {
      return Optional.of("at most " + max + unit(max, one, many));
    }
    if (min != null) {
      return Optional.of("at least " + min + unit(min, one, many));
    }
    return Optional.empty();
  }

  private static String unit(Object n, String one, String many) {
    return "1".equals(String.valueOf(n)) ? one : many;
  }
}
