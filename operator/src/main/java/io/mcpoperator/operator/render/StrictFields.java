package io.mcpoperator.operator.render;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The fields of an object that its CRD schema does not know, as kubectl's strict field validation
 * names them ({@code spec.imagee}, {@code spec.env[0].valuee}): the fields the API server would
 * prune. Fields under {@code x-kubernetes-preserve-unknown-fields} and map values are kept; {@code
 * metadata} is checked against ObjectMeta. Like the API server, {@link #prune} drops them, so that
 * what renders is what the operator would see on a cluster.
 */
final class StrictFields {
  private static final Set<String> OBJECT_META =
      Set.of(
          "name",
          "generateName",
          "namespace",
          "selfLink",
          "uid",
          "resourceVersion",
          "generation",
          "creationTimestamp",
          "deletionTimestamp",
          "deletionGracePeriodSeconds",
          "labels",
          "annotations",
          "ownerReferences",
          "finalizers",
          "managedFields");

  private StrictFields() {}

  /** Removes the unknown fields of {@code object}; returns their paths, in document order. */
  static List<String> prune(Map<String, Object> schema, JsonObject object) {
    List<String> unknown = new ArrayList<>();
    walk(schema, object, "", unknown);
    return unknown;
  }

  private static void walk(
      Map<String, Object> schema, JsonElement value, String path, List<String> unknown) {
    if (schema == null) {
      return;
    }
    if (value.isJsonArray()) {
      Map<String, Object> items = map(schema.get("items"));
      JsonArray array = value.getAsJsonArray();
      for (int i = 0; i < array.size() && items != null; i++) {
        walk(items, array.get(i), path + "[" + i + "]", unknown);
      }
    } else if (value.isJsonObject() && schema.getOrDefault("type", "object").equals("object")) {
      // a value of another type than the schema's is a type error for the API server, not unknown
      // fields
      Map<String, Object> properties = map(schema.get("properties"));
      Object additional = schema.get("additionalProperties");
      boolean preserve = Boolean.TRUE.equals(schema.get("x-kubernetes-preserve-unknown-fields"));
      Iterator<Map.Entry<String, JsonElement>> fields =
          value.getAsJsonObject().entrySet().iterator();
      while (fields.hasNext()) {
        Map.Entry<String, JsonElement> field = fields.next();
        String fieldPath = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
        if (fieldPath.equals("metadata")) {
          metadata(field.getValue(), unknown);
        } else if (properties != null && properties.containsKey(field.getKey())) {
          walk(map(properties.get(field.getKey())), field.getValue(), fieldPath, unknown);
        } else if (additional instanceof Map<?, ?> values) {
          walk(map(values), field.getValue(), fieldPath, unknown);
        } else if (!preserve && !Boolean.TRUE.equals(additional)) {
          unknown.add(fieldPath);
          fields.remove();
        }
      }
    }
  }

  private static void metadata(JsonElement metadata, List<String> unknown) {
    if (metadata.isJsonObject()) {
      Iterator<String> names = metadata.getAsJsonObject().keySet().iterator();
      while (names.hasNext()) {
        String name = names.next();
        if (!OBJECT_META.contains(name)) {
          unknown.add("metadata." + name);
          names.remove();
        }
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object schema) {
    return schema instanceof Map<?, ?> m ? (Map<String, Object>) m : null;
  }
}
