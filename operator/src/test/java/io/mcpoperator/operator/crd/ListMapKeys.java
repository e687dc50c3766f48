package io.mcpoperator.operator.crd;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The uniqueness the API server enforces on lists with {@code x-kubernetes-list-type: map}. */
final class ListMapKeys {
  private ListMapKeys() {}

  @SuppressWarnings("unchecked")
  static void duplicates(
      Map<String, Object> schema, Object value, String path, List<String> errors) {
    if (value instanceof Map<?, ?> map && schema.get("properties") instanceof Map<?, ?> props) {
      for (Map.Entry<?, ?> e : map.entrySet()) {
        if (props.get(e.getKey()) instanceof Map<?, ?> sub) {
          duplicates((Map<String, Object>) sub, e.getValue(), path + "." + e.getKey(), errors);
        }
      }
    }
    if (value instanceof List<?> list && schema.get("items") instanceof Map<?, ?> items) {
      if ("map".equals(schema.get("x-kubernetes-list-type"))) {
        List<String> keys = (List<String>) schema.get("x-kubernetes-list-map-keys");
        Set<List<Object>> seen = new HashSet<>();
        for (Object item : list) {
          List<Object> key = new ArrayList<>();
          keys.forEach(k -> key.add(YamlTree.at(item, k)));
          if (!seen.add(key)) {
            errors.add(path + ": duplicate entry with " + keys + " = " + key);
          }
        }
      }
      for (int i = 0; i < list.size(); i++) {
        duplicates((Map<String, Object>) items, list.get(i), path + "[" + i + "]", errors);
      }
    }
  }
}
