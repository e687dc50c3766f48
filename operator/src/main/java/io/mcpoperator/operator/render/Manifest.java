package io.mcpoperator.operator.render;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * An object read from a manifest, with where it came from: the file (or {@code <stdin>}), the
 * 1-based index of its YAML document and, for the items of a {@code kind: List}, of its item (0
 * otherwise).
 */
record Manifest(String source, int document, int item, JsonObject json) {

  String kind() {
    return string(json, "kind");
  }

  String apiVersion() {
    return string(json, "apiVersion");
  }

  String namespace() {
    return string(metadata(), "namespace");
  }

  String name() {
    return string(metadata(), "name");
  }

  /** {@code namespace/name} ({@code name} without a namespace), as kubectl names objects. */
  String key() {
    String name = name().isEmpty() ? "<no name>" : name();
    return namespace().isEmpty() ? name : namespace() + "/" + name;
  }

  /** {@code x.yaml: document 2} or {@code x.yaml: document 1 item 3}. */
  String where() {
    return new Place(source, document, item, "").toString();
  }

  /** {@code x.yaml: document 2 (MCPServer default/foo)}, where every problem of it is told. */
  Place place() {
    String kind = kind();
    return new Place(source, document, item, (kind.isEmpty() ? "object" : kind) + " " + key());
  }

  private JsonObject metadata() {
    JsonElement metadata = json.get("metadata");
    return metadata != null && metadata.isJsonObject() ? metadata.getAsJsonObject() : null;
  }

  private static String string(JsonObject object, String field) {
    JsonElement value = object == null ? null : object.get(field);
    return value != null && value.isJsonPrimitive() ? value.getAsString() : "";
  }
}
