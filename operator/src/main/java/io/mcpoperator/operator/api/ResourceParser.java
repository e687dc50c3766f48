package io.mcpoperator.operator.api;

import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns the raw JSON of an MCPResource into a {@link Parsed} resource. Never throws for user input.
 */
public final class ResourceParser {
  private static final Pattern URI = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*:\\S+");
  private static final Pattern PATH = Pattern.compile("/[^\\s?#]*");

  private ResourceParser() {}

  public static Parsed<McpResource> parse(JsonObject raw) {
    ResourceMeta meta = McpServerParser.meta(McpServerParser.object(raw, "metadata"));
    try {
      JsonFields spec = new JsonFields(McpServerParser.object(raw, "spec"), "spec");
      String name = MemberNames.name(spec, "resource");
      if (spec.has("content") == spec.has("operations")) {
        throw spec.invalid(
            "content",
            "or spec.operations must be set, and not both: inline text or blob, or HTTP"
                + " operations on Services");
      }
      Optional<McpResource.Content> content =
          spec.has("content") ? Optional.of(content(spec.nested("content"))) : Optional.empty();
      List<McpResource.Operation> operations = new ArrayList<>();
      Set<String> shapes = new HashSet<>();
      for (JsonFields operation : spec.objects("operations")) {
        McpResource.Operation parsed = OperationReader.read(operation);
        if (!shapes.add(PathTemplate.shape(parsed.ingressPath()))) {
          throw operation.invalid(
              "ingressPath",
              parsed.ingressPath() + " matches the same URIs as an earlier operation");
        }
        operations.add(parsed);
      }
      if (spec.has("operations") && operations.isEmpty()) {
        throw spec.invalid("operations", "must list at least one operation");
      }
      return new Parsed.Valid<>(
          new McpResource(meta, name, spec.string("description").orElse(""), content, operations));
    } catch (InvalidSpecException e) {
      return new Parsed.Invalid<>(meta, e.getMessage());
    }
  }

  private static McpResource.Content content(JsonFields content) {
    String uri = content.required("uri", "give the URI clients read it by, e.g. docs://runbook");
    if (!URI.matcher(uri).matches()) {
      throw content.invalid("uri", "\"" + uri + "\" must be a URI with a scheme, e.g. docs://a");
    }
    Optional<String> text = content.text("text");
    Optional<String> blob = content.string("blob");
    if (text.isPresent() && blob.isPresent()) {
      throw content.invalid("text", "and spec.content.blob are both set: keep one");
    }
    blob.ifPresent(
        b -> {
          try {
            Base64.getDecoder().decode(b);
          } catch (IllegalArgumentException e) {
            throw content.invalid("blob", "is not valid base64: " + e.getMessage());
          }
        });
    return new McpResource.Content(
        uri, content.string("mimeType").orElse("text/plain"), text, blob);
  }

  static boolean isPath(String path) {
    return PATH.matcher(path).matches();
  }
}
