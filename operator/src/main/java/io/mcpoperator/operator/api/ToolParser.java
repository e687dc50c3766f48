package io.mcpoperator.operator.api;

import com.google.gson.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Turns the raw JSON of an MCPTool into a {@link Parsed} tool. Never throws for user input. */
public final class ToolParser {
  static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "DELETE", "PATCH");

  private ToolParser() {}

  public static Parsed<McpTool> parse(JsonObject raw) {
    ResourceMeta meta = McpServerParser.meta(McpServerParser.object(raw, "metadata"));
    try {
      JsonFields spec = new JsonFields(McpServerParser.object(raw, "spec"), "spec");
      return new Parsed.Valid<>(
          new McpTool(
              meta,
              MemberNames.name(spec, "tool"),
              spec.string("description").orElse(""),
              ServiceRef.read(required(spec, "service")),
              method(spec, "POST"),
              spec.object("inputSchema").orElseGet(ToolParser::objectSchema),
              spec.object("outputSchema"),
              headers(spec),
              duration(spec, "timeout"),
              cacheTtl(spec),
              GatewayConfigSpec.RateLimit.read(spec, "spec")));
    } catch (InvalidSpecException e) {
      return new Parsed.Invalid<>(meta, e.getMessage());
    }
  }

  static String method(JsonFields fields, String defaultMethod) {
    String method = fields.string("method").orElse(defaultMethod);
    if (!METHODS.contains(method)) {
      throw fields.invalid(
          "method", "must be one of GET, POST, PUT, DELETE, PATCH; got \"" + method + "\"");
    }
    return method;
  }

  static JsonFields required(JsonFields spec, String field) {
    if (!spec.has(field)) {
      throw spec.invalid(field, "is required");
    }
    return spec.nested(field);
  }

  private static JsonObject objectSchema() {
    JsonObject schema = new JsonObject();
    schema.addProperty("type", "object");
    return schema;
  }

  private static List<McpTool.Header> headers(JsonFields spec) {
    List<McpTool.Header> headers = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (JsonFields header : spec.objects("headers")) {
      String name = header.required("name", "name the HTTP header");
      if (!seen.add(name.toLowerCase(Locale.ROOT))) {
        throw header.invalid("name", "repeats header \"" + name + "\": give each header once");
      }
      Optional<String> value = header.text("value");
      Optional<SecretKeyRef> secret = Optional.empty();
      if (header.has("valueFrom")) {
        JsonFields ref = header.nested("valueFrom").nested("secretKeyRef");
        secret =
            Optional.of(
                new SecretKeyRef(
                    ref.required("name", "name the Secret"),
                    ref.required("key", "name the key in the Secret")));
      }
      if (value.isPresent() == secret.isPresent()) {
        throw header.invalid("value", "or valueFrom.secretKeyRef must be set, and not both");
      }
      headers.add(new McpTool.Header(name, value, secret));
    }
    return headers;
  }

  static Optional<Duration> duration(JsonFields fields, String field) {
    return fields
        .string(field)
        .map(
            text ->
                DurationParser.parse(text)
                    .filter(d -> d.toMillis() >= 1)
                    .orElseThrow(
                        () ->
                            fields.invalid(
                                field,
                                "must be a positive duration such as 30s or 500ms; got \""
                                    + text
                                    + "\"")));
  }

  private static Optional<Duration> cacheTtl(JsonFields spec) {
    if (!spec.has("cache")) {
      return Optional.empty();
    }
    JsonFields cache = spec.nested("cache");
    return Optional.of(
        duration(cache, "ttl")
            .orElseThrow(() -> cache.invalid("ttl", "is required when spec.cache is set")));
  }
}
