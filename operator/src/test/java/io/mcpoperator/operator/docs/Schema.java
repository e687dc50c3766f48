package io.mcpoperator.operator.docs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The fields of an OpenAPI v3 schema as reference rows: one per property, paths like {@code
 * spec.env[].valueFrom} ({@code []} an array's items, {@code .*} a map's values). Arrays and maps
 * of scalars are one row ("array of string"); what applies to their items is told in that row.
 */
final class Schema {
  /** Properties every object has, documented by Kubernetes, not here. */
  private static final Set<String> OBJECT_META = Set.of("apiVersion", "kind", "metadata");

  private Schema() {}

  /** One row of the fields table. */
  record Field(
      String path,
      String type,
      boolean required,
      Optional<Object> defaultValue,
      List<Object> enumValues,
      String description) {}

  /** The rows of a CRD's {@code openAPIV3Schema}, in schema order. */
  static List<Field> fields(Map<String, Object> root) {
    List<Field> out = new ArrayList<>();
    List<Object> required = list(root.get("required"));
    map(root.get("properties"))
        .forEach(
            (name, node) -> {
              if (!OBJECT_META.contains(name)) {
                walk(name, map(node), required.contains(name), out);
              }
            });
    return out;
  }

  /** A node's CEL rules as Markdown sentences: each message (the rule itself when it has none). */
  static List<String> rules(Map<String, Object> node) {
    List<String> out = new ArrayList<>();
    for (Object rule : list(node.get("x-kubernetes-validations"))) {
      Map<String, Object> r = map(rule);
      Object message = r.get("message");
      out.add(
          message instanceof String m
              ? Markdown.sentence(m)
              : Markdown.code(String.valueOf(r.get("rule"))) + " must hold.");
    }
    return out;
  }

  private static void walk(
      String path, Map<String, Object> node, boolean required, List<Field> out) {
    out.add(
        new Field(
            path,
            type(node),
            required,
            Optional.ofNullable(node.get("default")),
            list(node.get("enum")),
            description(node)));
    children(path + ".", node, out);
    if (node.get("items") instanceof Map<?, ?> items) {
      children(path + "[].", map(items), out);
    }
    if (node.get("additionalProperties") instanceof Map<?, ?> values) {
      children(path + ".*.", map(values), out);
    }
  }

  private static void children(String prefix, Map<String, Object> node, List<Field> out) {
    List<Object> required = list(node.get("required"));
    map(node.get("properties"))
        .forEach((name, sub) -> walk(prefix + name, map(sub), required.contains(name), out));
  }

  /** {@code string}, {@code integer (int32)}, {@code array of object}, {@code map of string}, … */
  static String type(Map<String, Object> node) {
    if (Boolean.TRUE.equals(node.get("x-kubernetes-int-or-string"))) {
      return "int-or-string";
    }
    String type = (String) node.getOrDefault("type", "any");
    if (node.get("items") instanceof Map<?, ?> items) {
      return "array of " + type(map(items));
    }
    if (node.get("additionalProperties") instanceof Map<?, ?> values) {
      return "map of " + type(map(values));
    }
    if (free(node) && !node.containsKey("properties")) {
      return type + " (any fields)";
    }
    return node.get("format") instanceof String format ? type + " (" + format + ")" : type;
  }

  private static boolean free(Map<String, Object> node) {
    return Boolean.TRUE.equals(node.get("x-kubernetes-preserve-unknown-fields"));
  }

  /** The schema's description, then its limits, list keys and rules, and those of its items. */
  private static String description(Map<String, Object> node) {
    List<String> parts = new ArrayList<>();
    if (node.get("description") instanceof String d) {
      parts.add(Markdown.sentence(d));
    }
    parts.addAll(notes(node, "Limits: "));
    if (node.get("items") instanceof Map<?, ?> items) {
      List<String> each = itemNotes(map(items));
      if (!each.isEmpty()) {
        parts.add("Each item: " + String.join(" ", each));
      }
    }
    if (node.get("additionalProperties") instanceof Map<?, ?> values) {
      List<String> each = itemNotes(map(values));
      if (!each.isEmpty()) {
        parts.add("Each value: " + String.join(" ", each));
      }
    }
    return String.join(" ", parts);
  }

  /** Notes on the items of an array or the values of a map, which have no row of their own. */
  private static List<String> itemNotes(Map<String, Object> node) {
    List<String> notes = new ArrayList<>();
    List<Object> values = list(node.get("enum"));
    if (!values.isEmpty()) {
      notes.add("one of " + String.join(", ", values.stream().map(Markdown::value).toList()) + ".");
    }
    notes.addAll(notes(node, ""));
    return notes;
  }

  /** What the API server checks on a node besides its type: limits, enum of items, keys, rules. */
  private static List<String> notes(Map<String, Object> node, String limitsLabel) {
    List<String> notes = new ArrayList<>();
    List<String> limits = Limits.of(node);
    if (!limits.isEmpty()) {
      notes.add(limitsLabel + String.join("; ", limits) + ".");
    }
    if ("map".equals(node.get("x-kubernetes-list-type"))) {
      List<String> keys =
          list(node.get("x-kubernetes-list-map-keys")).stream()
              .map(k -> Markdown.code((String) k))
              .toList();
      notes.add("Keyed by " + String.join(", ", keys) + " (one item per key).");
    } else if ("set".equals(node.get("x-kubernetes-list-type"))) {
      notes.add("Items are unique.");
    }
    if (free(node) && node.containsKey("properties")) {
      notes.add("Other fields are kept as given.");
    }
    rules(node).forEach(r -> notes.add("*Rule:* " + r));
    return notes;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object value) {
    return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }

  @SuppressWarnings("unchecked")
  static List<Object> list(Object value) {
    return value instanceof List<?> l ? (List<Object>) l : List.of();
  }
}
