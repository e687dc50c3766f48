package io.mcpoperator.operator.aggregate;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.mcpoperator.operator.api.McpResource;
import io.mcpoperator.operator.api.PathTemplate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A served resource: inline content, or operations whose Services all resolved. */
public record ResourceEntry(McpResource resource) implements Entry {

  @Override
  public String name() {
    return resource.name();
  }

  @Override
  public Source source() {
    return Source.of(McpResource.KIND, resource.meta());
  }

  @Override
  public Optional<OffsetDateTime> created() {
    return resource.meta().creationTimestamp();
  }

  @Override
  public List<String> keys() {
    List<String> keys = new ArrayList<>(List.of("name:" + resource.name()));
    resource.content().ifPresent(c -> keys.add("uri:" + c.uri()));
    return keys;
  }

  @Override
  public JsonObject toJson() {
    JsonObject json = new JsonObject();
    json.addProperty("name", resource.name());
    json.addProperty("description", resource.description());
    json.add("source", source().toJson());
    resource
        .content()
        .ifPresentOrElse(
            content -> {
              json.addProperty("uri", content.uri());
              json.addProperty("mimeType", content.mimeType());
              content.text().ifPresent(t -> json.addProperty("text", t));
              content.blob().ifPresent(b -> json.addProperty("blob", b));
            },
            () -> json.add("operations", operations()));
    return json;
  }

  private JsonArray operations() {
    JsonArray operations = new JsonArray();
    String namespace = resource.meta().namespace();
    for (McpResource.Operation operation : resource.operations()) {
      JsonObject op = new JsonObject();
      op.addProperty(
          "description",
          operation.description().isEmpty() ? resource.description() : operation.description());
      op.addProperty("method", operation.method());
      op.addProperty("uriTemplate", UriTemplates.uriTemplate(resource.name(), operation));
      op.addProperty("url", UriTemplates.url(namespace, operation));
      op.addProperty("mimeType", operation.mimeType());
      JsonArray parameters = new JsonArray();
      for (McpResource.Parameter parameter : operation.parameters()) {
        JsonObject p = new JsonObject();
        p.addProperty("name", parameter.name());
        p.addProperty("in", parameter.in());
        p.addProperty("required", parameter.required());
        p.addProperty("variable", PathTemplate.variable(parameter.name()));
        parameters.add(p);
      }
      op.add("parameters", parameters);
      operations.add(op);
    }
    return operations;
  }
}
