package io.mcpoperator.operator.k8s;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import io.kubernetes.client.custom.Quantity;
import java.util.Map;
import java.util.Set;

/**
 * The steady-state rule of the apply layer: an observed object matches the desired one when every
 * field the operator sets is present and equal; fields that others set or the API server defaults
 * are ignored. Also merges desired fields onto an observed object for an update.
 */
public final class JsonSubset {

  /** Maps whose string values are resource quantities ({@code 500m} equals {@code 0.5}). */
  private static final Set<String> QUANTITY_MAPS = Set.of("limits", "requests");

  private JsonSubset() {}

  /** True when {@code observed} carries every field of {@code desired} with an equal value. */
  public static boolean contains(JsonElement observed, JsonElement desired) {
    return contains(observed, desired, "", false);
  }

  private static boolean contains(
      JsonElement observed, JsonElement desired, String key, boolean quantity) {
    if (isEmpty(desired)) {
      return observed == null || observed.isJsonNull() || isEmpty(observed);
    }
    if (observed == null || observed.isJsonNull()) {
      return false;
    }
    if (desired.isJsonObject()) {
      if (!observed.isJsonObject()) {
        return false;
      }
      JsonObject o = observed.getAsJsonObject();
      for (Map.Entry<String, JsonElement> field : desired.getAsJsonObject().entrySet()) {
        if (!contains(
            o.get(field.getKey()), field.getValue(), field.getKey(), QUANTITY_MAPS.contains(key))) {
          return false;
        }
      }
      return true;
    }
    if (desired.isJsonArray()) {
      if (!observed.isJsonArray()
          || observed.getAsJsonArray().size() != desired.getAsJsonArray().size()) {
        return false;
      }
      JsonArray o = observed.getAsJsonArray();
      JsonArray d = desired.getAsJsonArray();
      for (int i = 0; i < d.size(); i++) {
        if (!contains(o.get(i), d.get(i), key, false)) {
          return false;
        }
      }
      return true;
    }
    return primitiveEquals(observed, desired.getAsJsonPrimitive(), quantity);
  }

  private static boolean primitiveEquals(
      JsonElement observed, JsonPrimitive desired, boolean quantity) {
    if (observed.equals(desired)) {
      return true;
    }
    if (quantity && observed.isJsonPrimitive()) {
      try {
        return new Quantity(observed.getAsString())
                .getNumber()
                .compareTo(new Quantity(desired.getAsString()).getNumber())
            == 0;
      } catch (IllegalArgumentException notAQuantity) {
        return false;
      }
    }
    return false;
  }

  private static boolean isEmpty(JsonElement e) {
    return e == null
        || e.isJsonNull()
        || (e.isJsonArray() && e.getAsJsonArray().isEmpty())
        || (e.isJsonObject() && e.getAsJsonObject().isEmpty());
  }

  /**
   * A copy of {@code observed} with {@code desired}'s fields written over it. Objects merge field
   * by field; lists of the same length merge element by element (so server-defaulted fields inside
   * containers and ports survive); anything else is replaced by the desired value.
   */
  public static JsonObject merge(JsonObject observed, JsonObject desired) {
    JsonObject result = observed.deepCopy();
    for (Map.Entry<String, JsonElement> field : desired.entrySet()) {
      result.add(field.getKey(), mergeValue(result.get(field.getKey()), field.getValue()));
    }
    return result;
  }

  private static JsonElement mergeValue(JsonElement observed, JsonElement desired) {
    if (observed != null && observed.isJsonObject() && desired.isJsonObject()) {
      return merge(observed.getAsJsonObject(), desired.getAsJsonObject());
    }
    if (observed != null
        && observed.isJsonArray()
        && desired.isJsonArray()
        && observed.getAsJsonArray().size() == desired.getAsJsonArray().size()) {
      JsonArray merged = new JsonArray();
      JsonArray o = observed.getAsJsonArray();
      JsonArray d = desired.getAsJsonArray();
      for (int i = 0; i < d.size(); i++) {
        merged.add(mergeValue(o.get(i), d.get(i)));
      }
      return merged;
    }
    return desired.deepCopy();
  }
}
