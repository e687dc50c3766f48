package io.mcpoperator.operator.render;

import com.google.gson.JsonElement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The shape of {@code metadata} that the API server guarantees before the operator sees an object:
 * an object with a name, a string namespace, and labels and annotations that map strings to
 * strings. Render has no API server in front of it, so it checks.
 */
final class ObjectMetaCheck {
  private ObjectMetaCheck() {}

  /** What is wrong with {@code metadata}; empty when nothing is. */
  static List<String> problems(JsonElement metadata) {
    if (metadata == null || !metadata.isJsonObject()) {
      return List.of("metadata must be an object with a name");
    }
    List<String> problems = new ArrayList<>();
    JsonElement name = metadata.getAsJsonObject().get("name");
    if (!isString(name) || name.getAsString().isBlank()) {
      problems.add(
          metadata.getAsJsonObject().has("generateName")
              ? "metadata.name is required (render cannot predict a generateName)"
              : "metadata.name must be a non-empty string");
    }
    if (!isString(metadata.getAsJsonObject().get("namespace"))) {
      problems.add("metadata.namespace must be a string");
    }
    for (String map : List.of("labels", "annotations")) {
      JsonElement value = metadata.getAsJsonObject().get(map);
      if (value != null && !value.isJsonNull() && !isStringMap(value)) {
        problems.add("metadata." + map + " must map strings to strings");
      }
    }
    return problems;
  }

  private static boolean isString(JsonElement value) {
    return value != null && value.isJsonPrimitive() && value.getAsJsonPrimitive().isString();
  }

  private static boolean isStringMap(JsonElement value) {
    return value.isJsonObject()
        && value.getAsJsonObject().entrySet().stream()
            .map(Map.Entry::getValue)
            .allMatch(ObjectMetaCheck::isString);
  }
}
