package io.mcpoperator.operator.crd;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A node of a CRD's OpenAPI schema and its path, e.g. {@code .spec.env[].valueFrom}. */
record SchemaNode(String path, Map<String, Object> schema) {

  /** The root and every node below it (properties, items, additionalProperties). */
  static List<SchemaNode> all(Map<String, Object> root) {
    List<SchemaNode> nodes = new ArrayList<>();
    collect("", root, nodes);
    return nodes;
  }

  @SuppressWarnings("unchecked")
  private static void collect(String path, Map<String, Object> node, List<SchemaNode> out) {
    out.add(new SchemaNode(path, node));
    if (node.get("properties") instanceof Map<?, ?> props) {
      ((Map<String, Object>) props)
          .forEach((name, sub) -> collect(path + "." + name, (Map<String, Object>) sub, out));
    }
    if (node.get("items") instanceof Map<?, ?> items) {
      collect(path + "[]", (Map<String, Object>) items, out);
    }
    if (node.get("additionalProperties") instanceof Map<?, ?> values) {
      collect(path + ".*", (Map<String, Object>) values, out);
    }
  }

  String type() {
    return (String) schema.get("type");
  }

  boolean has(String keyword) {
    return schema.containsKey(keyword);
  }

  boolean flag(String keyword) {
    return Boolean.TRUE.equals(schema.get(keyword));
  }

  @SuppressWarnings("unchecked")
  List<Map<String, Object>> rules() {
    Object rules = schema.get("x-kubernetes-validations");
    return rules == null ? List.of() : (List<Map<String, Object>>) rules;
  }

  @Override
  public String toString() {
    return path.isEmpty() ? "<root>" : path;
  }
}
