package io.mcpoperator.operator.aggregate;

import com.google.gson.JsonObject;
import io.mcpoperator.operator.api.ResourceMeta;

/** The object an entry of the gateway configuration comes from. */
public record Source(String kind, String namespace, String name) {

  static Source of(String kind, ResourceMeta meta) {
    return new Source(kind, meta.namespace(), meta.name());
  }

  /** {@code MCPTool team-a/weather}, for messages. */
  public String describe() {
    return kind + " " + namespace + "/" + name;
  }

  JsonObject toJson() {
    JsonObject json = new JsonObject();
    json.addProperty("kind", kind);
    json.addProperty("namespace", namespace);
    json.addProperty("name", name);
    return json;
  }
}
