package io.mcpoperator.operator.k8s;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesObject;
import java.util.ArrayList;
import java.util.List;

/**
 * The Services an MCPTool ({@code spec.service}) or MCPResource ({@code spec.operations[].service})
 * calls, as {@code namespace/name} keys: the informer index that turns a Service event into the
 * objects whose status depends on it.
 */
final class ServiceReferences {
  static final String INDEX = "services";

  private ServiceReferences() {}

  static List<String> of(DynamicKubernetesObject object) {
    JsonObject raw = object.getRaw();
    String namespace = object.getMetadata().getNamespace();
    JsonObject spec =
        raw.has("spec") && raw.get("spec").isJsonObject()
            ? raw.getAsJsonObject("spec")
            : new JsonObject();
    List<String> keys = new ArrayList<>();
    add(keys, namespace, spec.get("service"));
    JsonElement operations = spec.get("operations");
    if (operations != null && operations.isJsonArray()) {
      for (JsonElement op : operations.getAsJsonArray()) {
        if (op.isJsonObject()) {
          add(keys, namespace, op.getAsJsonObject().get("service"));
        }
      }
    }
    return keys.stream().distinct().toList();
  }

  static String key(String namespace, String name) {
    return namespace + "/" + name;
  }

  private static void add(List<String> keys, String namespace, JsonElement service) {
    if (service == null || !service.isJsonObject()) {
      return;
    }
    JsonObject s = service.getAsJsonObject();
    JsonElement name = s.get("name");
    JsonElement ns = s.get("namespace");
    if (name != null && name.isJsonPrimitive()) {
      String in = ns != null && ns.isJsonPrimitive() ? ns.getAsString() : namespace;
      keys.add(key(in, name.getAsString()));
    }
  }
}
