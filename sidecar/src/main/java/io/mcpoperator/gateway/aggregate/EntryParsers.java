package io.mcpoperator.gateway.aggregate;

import io.mcpoperator.gateway.config.Fields;
import io.mcpoperator.gateway.config.InvalidConfigException;
import java.util.Locale;
import java.util.Set;

/** Parses one tools[], prompts[] or resources[] entry of the configuration. */
final class EntryParsers {
  private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "DELETE", "PATCH");

  private EntryParsers() {}

  static ToolSpec tool(Fields f) {
    String name = f.text("name");
    Fields endpoint = new Fields(f.object("endpoint"), f.where() + ".endpoint");
    return new ToolSpec(
        name,
        f.optionalText("description").orElse(""),
        method(endpoint, "POST"),
        httpUrl(endpoint),
        f.object("inputSchema"),
        f.optionalObject("outputSchema"),
        f.list("headers").stream().map(EntryParsers::header).toList(),
        f.millis("timeoutMs"),
        f.seconds("cacheTtlSeconds"),
        f.optionalObject("rateLimit").map(r -> rateLimit(new Fields(r, f.where() + ".rateLimit"))));
  }

  private static ToolSpec.Header header(Fields h) {
    var value = h.optionalText("value");
    var env = h.optionalText("valueEnv");
    if (value.isPresent() == env.isPresent()) {
      throw new InvalidConfigException(h.where() + " needs exactly one of value and valueEnv");
    }
    return new ToolSpec.Header(h.text("name"), value, env);
  }

  private static ToolSpec.RateLimit rateLimit(Fields r) {
    int rpm =
        r.optionalPositive("requestsPerMinute")
            .orElseThrow(
                () -> new InvalidConfigException(r.where() + ".requestsPerMinute is required"));
    return new ToolSpec.RateLimit(rpm, r.optionalPositive("burst").orElse(rpm));
  }

  static PromptSpec prompt(Fields f) {
    return new PromptSpec(
        f.text("name"),
        f.optionalText("description").orElse(""),
        f.optionalText("template")
            .orElseThrow(() -> new InvalidConfigException(f.where() + ".template is required")),
        f.list("arguments").stream()
            .map(
                a ->
                    new PromptSpec.Argument(
                        a.text("name"),
                        a.optionalText("description").orElse(""),
                        a.flag("required"),
                        a.optionalText("default")))
            .toList());
  }

  static ResourceSpec resource(Fields f) {
    String name = f.text("name");
    String description = f.optionalText("description").orElse("");
    if (f.has("operations")) {
      var operations = f.list("operations").stream().map(o -> operation(o, description)).toList();
      if (operations.isEmpty()) {
        throw new InvalidConfigException(f.where() + ".operations is empty");
      }
      return new ResourceSpec.Http(name, description, operations, f.seconds("cacheTtlSeconds"));
    }
    var text = f.optionalText("text");
    var blob = f.optionalText("blob");
    if (text.isPresent() == blob.isPresent()) {
      throw new InvalidConfigException(
          f.where() + " needs operations, or exactly one of text and blob");
    }
    return new ResourceSpec.Inline(
        name,
        description,
        f.text("uri"),
        f.optionalText("mimeType").orElse("text/plain"),
        text,
        blob);
  }

  private static ResourceSpec.Operation operation(Fields o, String fallbackDescription) {
    return new ResourceSpec.Operation(
        o.optionalText("description").filter(d -> !d.isEmpty()).orElse(fallbackDescription),
        method(o, "GET"),
        o.text("uriTemplate"),
        httpUrl(o),
        o.optionalText("mimeType").orElse("application/json"),
        o.list("parameters").stream().map(EntryParsers::parameter).toList());
  }

  private static ResourceSpec.Parameter parameter(Fields p) {
    String in = p.text("in");
    ResourceSpec.In where =
        switch (in) {
          case "path" -> ResourceSpec.In.PATH;
          case "query" -> ResourceSpec.In.QUERY;
          case "header" -> ResourceSpec.In.HEADER;
          default ->
              throw new InvalidConfigException(
                  p.where() + ".in must be path, query or header, got " + in);
        };
    String name = p.text("name");
    return new ResourceSpec.Parameter(
        name,
        where,
        where == ResourceSpec.In.PATH || p.flag("required"),
        p.optionalText("variable").orElse(name.replaceAll("[^A-Za-z0-9_]", "_")));
  }

  private static String method(Fields f, String fallback) {
    String method = f.optionalText("method").orElse(fallback).toUpperCase(Locale.ROOT);
    if (!METHODS.contains(method)) {
      throw new InvalidConfigException(
          f.where() + ".method must be one of GET, POST, PUT, DELETE, PATCH, got " + method);
    }
    return method;
  }

  private static String httpUrl(Fields f) {
    String url = f.text("url");
    if (!url.startsWith("http://") && !url.startsWith("https://")) {
      throw new InvalidConfigException(f.where() + ".url must be an http(s) URL, got " + url);
    }
    return url;
  }
}
