package io.mcpoperator.gateway.aggregate;

import jakarta.json.JsonArray;
import java.util.function.Function;

/** The four MCP lists the gateway merges, and how their items are identified. */
enum ListKind {
  TOOLS("tools/list", "tools", "name", "tools", Catalog::toolList),
  PROMPTS("prompts/list", "prompts", "name", "prompts", Catalog::promptList),
  RESOURCES("resources/list", "resources", "uri", "resources", Catalog::resourceList),
  RESOURCE_TEMPLATES(
      "resources/templates/list",
      "resourceTemplates",
      "uriTemplate",
      "resources",
      Catalog::templateList);

  final String method;
  final String key;
  final String id;
  final String capability;
  final Function<Catalog, JsonArray> items;

  ListKind(
      String method, String key, String id, String capability, Function<Catalog, JsonArray> items) {
    this.method = method;
    this.key = key;
    this.id = id;
    this.capability = capability;
    this.items = items;
  }

  /** The notification sent when this list changes. */
  String listChanged() {
    return "notifications/" + capability + "/list_changed";
  }
}
