package io.mcpoperator.operator.k8s;

import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import java.util.Map;

/**
 * The JSON merge patch (RFC 7386) that turns one JSON object into another: changed and new members
 * as they are now, removed members as {@code null}, nested objects diffed member by member, arrays
 * and scalars replaced whole. A {@code null} member before counts as absent (an API server removes
 * it; the in-JVM mock stores it). Hand-written because the rule is ten lines and the libraries that
 * offer it (zjsonpatch, json-patch) bring Jackson trees to a Gson code base.
 */
public final class MergePatch {
  private MergePatch() {}

  /** True when {@code before} already says what {@code after} says. */
  public static boolean same(JsonElement before, JsonObject after) {
    return before != null
        && before.isJsonObject()
        && between(before.getAsJsonObject(), after).isEmpty();
  }

  /** The smallest patch from {@code before} to {@code after}; empty when they are equal. */
  public static JsonObject between(JsonObject before, JsonObject after) {
    JsonObject patch = new JsonObject();
    for (Map.Entry<String, JsonElement> old : before.entrySet()) {
      if (!after.has(old.getKey()) && !old.getValue().isJsonNull()) {
        patch.add(old.getKey(), JsonNull.INSTANCE);
      }
    }
    for (Map.Entry<String, JsonElement> now : after.entrySet()) {
      JsonElement old = before.get(now.getKey());
      JsonElement value = now.getValue();
      if (old != null && old.isJsonObject() && value.isJsonObject()) {
        JsonObject nested = between(old.getAsJsonObject(), value.getAsJsonObject());
        if (!nested.isEmpty()) {
          patch.add(now.getKey(), nested);
        }
      } else if (!value.equals(old)) {
        patch.add(now.getKey(), value);
      }
    }
    return patch;
  }
}
