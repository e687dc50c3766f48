package io.mcpoperator.operator.docs;

import io.mcpoperator.operator.docs.ApiReference.CrdView;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The reference section of one kind: names, scope, subresources, printer columns, fields. */
final class KindSection {
  private KindSection() {}

  static String of(CrdView crd) {
    StringBuilder out = new StringBuilder();
    out.append("## ").append(crd.kind()).append("\n\n");
    for (Map<String, Object> version : crd.versions()) {
      Map<String, Object> schema =
          Schema.map(Schema.map(version.get("schema")).get("openAPIV3Schema"));
      if (schema.get("description") instanceof String d) {
        out.append(Markdown.sentence(d)).append("\n\n");
      }
      out.append(facts(crd, version)).append('\n');
      List<String> rules = Schema.rules(schema);
      if (!rules.isEmpty()) {
        out.append("Rules on the whole object:\n\n");
        rules.forEach(r -> out.append("- ").append(r).append('\n'));
        out.append('\n');
      }
      out.append(columns(crd, version));
      out.append("### ").append(crd.kind()).append(" fields\n\n");
      out.append(
          Markdown.header(List.of("Field", "Type", "Required", "Default", "Enum", "Description")));
      for (Schema.Field f : Schema.fields(schema)) {
        out.append(
            Markdown.row(
                List.of(
                    Markdown.code(f.path()),
                    f.type(),
                    f.required() ? "yes" : "no",
                    f.defaultValue().map(Markdown::value).orElse(""),
                    String.join(", ", f.enumValues().stream().map(Markdown::value).toList()),
                    f.description())));
      }
    }
    return out.toString();
  }

  private static String facts(CrdView crd, Map<String, Object> version) {
    Map<String, Object> names = crd.names();
    List<String> aliases = new ArrayList<>();
    aliases.add(Markdown.code((String) names.get("plural")) + " (plural)");
    aliases.add(Markdown.code((String) names.get("singular")) + " (singular)");
    Schema.list(names.get("shortNames"))
        .forEach(s -> aliases.add(Markdown.code((String) s) + " (short name)"));
    Schema.list(names.get("categories"))
        .forEach(s -> aliases.add(Markdown.code((String) s) + " (category)"));
    return Markdown.header(List.of("Property", "Value"))
        + Markdown.row(
            List.of("API version", Markdown.code(crd.group() + "/" + version.get("name"))))
        + Markdown.row(List.of("Scope", crd.scope()))
        + Markdown.row(List.of("Names", String.join(", ", aliases)))
        + Markdown.row(List.of("Subresources", subresources(version)));
  }

  private static String subresources(Map<String, Object> version) {
    Map<String, Object> sub = Schema.map(version.get("subresources"));
    List<String> out = new ArrayList<>();
    if (sub.containsKey("status")) {
      out.add("status");
    }
    if (sub.get("scale") instanceof Map<?, ?> scale) {
      Map<String, Object> s = Schema.map(scale);
      List<String> paths = new ArrayList<>();
      paths.add("replicas " + Markdown.code((String) s.get("specReplicasPath")));
      paths.add("status " + Markdown.code((String) s.get("statusReplicasPath")));
      if (s.get("labelSelectorPath") instanceof String selector) {
        paths.add("selector " + Markdown.code(selector));
      }
      out.add("scale (" + String.join(", ", paths) + ")");
    }
    return out.isEmpty() ? "none" : String.join(", ", out);
  }

  private static String columns(CrdView crd, Map<String, Object> version) {
    List<Object> columns = Schema.list(version.get("additionalPrinterColumns"));
    if (columns.isEmpty()) {
      return "";
    }
    String plural = (String) crd.names().get("plural");
    StringBuilder out = new StringBuilder();
    out.append("### Columns of `kubectl get ").append(plural).append("`\n\n");
    out.append(Markdown.header(List.of("Column", "Type", "JSONPath", "Shown", "Description")));
    for (Object c : columns) {
      Map<String, Object> column = Schema.map(c);
      boolean wide = column.get("priority") instanceof Integer p && p > 0;
      out.append(
          Markdown.row(
              List.of(
                  (String) column.get("name"),
                  (String) column.get("type"),
                  Markdown.code((String) column.get("jsonPath")),
                  wide ? "with `-o wide`" : "always",
                  column.get("description") instanceof String d ? Markdown.sentence(d) : "")));
    }
    return out.append('\n').toString();
  }
}
