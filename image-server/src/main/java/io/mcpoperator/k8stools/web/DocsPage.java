package io.mcpoperator.k8stools.web;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Map;

/** Renders the OpenAPI document as one self-contained HTML page (no scripts, no CDN). */
public final class DocsPage {
  private static final String STYLE =
      "body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;"
          + "color:#1b1f24;line-height:1.5}h1{margin-bottom:.2rem}code,.path{font-family:ui-monospace,"
          + "monospace}.op{border:1px solid #d0d7de;border-radius:6px;margin:1rem 0;padding:.5rem 1rem}"
          + ".method{display:inline-block;min-width:4rem;font-weight:bold;color:#fff;border-radius:4px;"
          + "text-align:center;margin-right:.5rem;padding:0 .4rem}.get{background:#1f6feb}"
          + ".post{background:#2da44e}table{border-collapse:collapse;width:100%;margin:.5rem 0}"
          + "th,td{border:1px solid #d0d7de;padding:.3rem .5rem;text-align:left;vertical-align:top}"
          + "th{background:#f6f8fa}.muted{color:#57606a}pre{background:#f6f8fa;padding:.5rem;"
          + "border-radius:6px;overflow-x:auto}";

  private DocsPage() {}

  public static String render(JsonObject openapi) {
    JsonObject info = openapi.getJsonObject("info");
    StringBuilder html = new StringBuilder();
    html.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
        .append(esc(text(info, "title")))
        .append("</title><style>")
        .append(STYLE)
        .append("</style></head><body><h1>")
        .append(esc(text(info, "title")))
        .append("</h1><p class=\"muted\">Version ")
        .append(esc(text(info, "version")))
        .append(" · <a href=\"/openapi.json\">openapi.json</a></p><p>")
        .append(esc(text(info, "description")))
        .append("</p><h2>Endpoints</h2>");
    for (Map.Entry<String, JsonValue> path : openapi.getJsonObject("paths").entrySet()) {
      for (Map.Entry<String, JsonValue> op : path.getValue().asJsonObject().entrySet()) {
        operation(html, path.getKey(), op.getKey(), op.getValue().asJsonObject());
      }
    }
    html.append("<h2>Schemas</h2>");
    JsonObject schemas = openapi.getJsonObject("components").getJsonObject("schemas");
    for (Map.Entry<String, JsonValue> schema : schemas.entrySet()) {
      html.append("<h3 id=\"")
          .append(esc(schema.getKey()))
          .append("\">")
          .append(esc(schema.getKey()))
          .append("</h3>");
      schema(html, schema.getValue().asJsonObject());
    }
    return html.append("</body></html>").toString();
  }

  private static void operation(StringBuilder html, String path, String method, JsonObject op) {
    html.append("<div class=\"op\"><h3><span class=\"method ")
        .append(esc(method))
        .append("\">")
        .append(esc(method.toUpperCase(java.util.Locale.ROOT)))
        .append("</span><span class=\"path\">")
        .append(esc(path))
        .append("</span> — ")
        .append(esc(text(op, "summary")))
        .append("</h3><p>")
        .append(esc(text(op, "description")))
        .append("</p>");
    if (op.containsKey("parameters")) {
      html.append(
          "<table><tr><th>Parameter</th><th>In</th><th>Required</th><th>Description</th></tr>");
      for (JsonValue p : op.getJsonArray("parameters")) {
        JsonObject param = p.asJsonObject();
        html.append("<tr><td><code>")
            .append(esc(text(param, "name")))
            .append("</code></td><td>")
            .append(esc(text(param, "in")))
            .append("</td><td>")
            .append(param.getBoolean("required", false) ? "yes" : "no")
            .append("</td><td>")
            .append(esc(text(param, "description")));
        JsonObject schema = param.getJsonObject("schema");
        if (schema != null && schema.containsKey("enum")) {
          html.append(" (").append(esc(join(schema.getJsonArray("enum")))).append(")");
        }
        html.append("</td></tr>");
      }
      html.append("</table>");
    }
    if (op.containsKey("requestBody")) {
      JsonObject body = op.getJsonObject("requestBody");
      html.append("<p>Request body: ").append(schemaLink(body)).append("</p>");
      examples(html, body);
    }
    html.append("<table><tr><th>Status</th><th>Meaning</th><th>Body</th></tr>");
    for (Map.Entry<String, JsonValue> response : op.getJsonObject("responses").entrySet()) {
      JsonObject r = response.getValue().asJsonObject();
      html.append("<tr><td>")
          .append(esc(response.getKey()))
          .append("</td><td>")
          .append(esc(text(r, "description")))
          .append("</td><td>")
          .append(schemaLink(r))
          .append("</td></tr>");
    }
    html.append("</table></div>");
  }

  private static void examples(StringBuilder html, JsonObject body) {
    for (JsonValue media : body.getJsonObject("content").values()) {
      JsonObject examples = media.asJsonObject().getJsonObject("examples");
      if (examples == null) {
        continue;
      }
      for (JsonValue example : examples.values()) {
        JsonObject e = example.asJsonObject();
        html.append("<p class=\"muted\">Example: ")
            .append(esc(text(e, "summary")))
            .append("</p><pre>")
            .append(esc(e.get("value").toString()))
            .append("</pre>");
      }
    }
  }

  private static void schema(StringBuilder html, JsonObject schema) {
    html.append("<p>").append(esc(text(schema, "description"))).append("</p>");
    JsonObject properties = schema.getJsonObject("properties");
    if (properties == null) {
      return;
    }
    String required = schema.containsKey("required") ? join(schema.getJsonArray("required")) : "";
    html.append("<table><tr><th>Field</th><th>Type</th><th>Required</th><th>Description</th></tr>");
    for (Map.Entry<String, JsonValue> property : properties.entrySet()) {
      JsonObject p = property.getValue().asJsonObject();
      JsonValue type = p.get("type");
      String typeText = type instanceof JsonString s ? s.getString() : join(type.asJsonArray());
      html.append("<tr><td><code>")
          .append(esc(property.getKey()))
          .append("</code></td><td>")
          .append(esc(typeText))
          .append("</td><td>")
          .append(
              java.util.Arrays.asList(required.split(", ")).contains(property.getKey())
                  ? "yes"
                  : "no")
          .append("</td><td>")
          .append(esc(text(p, "description")));
      if (p.containsKey("enum")) {
        html.append(" (").append(esc(join(p.getJsonArray("enum")))).append(")");
      }
      html.append("</td></tr>");
    }
    html.append("</table>");
  }

  private static String schemaLink(JsonObject withContent) {
    JsonObject content = withContent.getJsonObject("content");
    if (content == null) {
      return "";
    }
    Map.Entry<String, JsonValue> media = content.entrySet().iterator().next();
    JsonObject schema = media.getValue().asJsonObject().getJsonObject("schema");
    String ref = schema.getString("$ref", "");
    String name = ref.substring(ref.lastIndexOf('/') + 1);
    String target = name.isEmpty() ? "" : " <a href=\"#" + esc(name) + "\">" + esc(name) + "</a>";
    return "<code>" + esc(media.getKey()) + "</code>" + target;
  }

  private static String join(jakarta.json.JsonArray array) {
    return String.join(
        ", ",
        array.stream().map(v -> v instanceof JsonString s ? s.getString() : v.toString()).toList());
  }

  private static String text(JsonObject object, String key) {
    return object.getString(key, "");
  }

  static String esc(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
