package io.mcpoperator.gateway.aggregate;

import io.mcpoperator.mcp.jsonrpc.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One configuration's aggregated tools, prompts and resources, ready to serve: schemas compiled,
 * URI templates parsed, list entries built. Immutable; a reload builds a new one.
 */
public final class Catalog {
  private final Map<String, Tool> tools = new LinkedHashMap<>();
  private final Map<String, PromptSpec> prompts = new LinkedHashMap<>();
  private final Map<String, ResourceSpec.Inline> inline = new LinkedHashMap<>();
  private final List<Operation> operations = new ArrayList<>();
  private final List<String> problems;
  private final Duration defaultTimeout;

  /** A tool with its compiled schemas. */
  public record Tool(
      ToolSpec spec, ArgumentSchema input, Optional<ArgumentSchema> output, JsonObject listing) {}

  /** An HTTP resource operation with its parsed URI template. */
  public record Operation(
      ResourceSpec.Http resource, ResourceSpec.Operation spec, UriTemplate template) {}

  private Catalog(AggregateConfig config) {
    this.problems = new ArrayList<>(config.problems());
    this.defaultTimeout = config.defaultTimeout();
    config.tools().forEach(this::addTool);
    config.prompts().forEach(p -> addUnique(prompts, p.name(), p, "prompt"));
    for (ResourceSpec r : config.resources()) {
      switch (r) {
        case ResourceSpec.Inline i -> addUnique(inline, i.uri(), i, "resource URI");
        case ResourceSpec.Http h -> h.operations().forEach(o -> addOperation(h, o));
      }
    }
  }

  public static Catalog of(AggregateConfig config) {
    return new Catalog(config);
  }

  public static Catalog empty() {
    return of(AggregateConfig.empty());
  }

  private void addTool(ToolSpec spec) {
    try {
      var input = ArgumentSchema.compile(spec.inputSchema());
      var output = spec.outputSchema().map(ArgumentSchema::compile);
      var listing =
          Json.object()
              .add("name", spec.name())
              .add("description", spec.description())
              .add("inputSchema", spec.inputSchema());
      spec.outputSchema().ifPresent(s -> listing.add("outputSchema", s));
      addUnique(tools, spec.name(), new Tool(spec, input, output, listing.build()), "tool");
    } catch (IllegalArgumentException e) {
      problems.add("tool " + spec.name() + ": " + e.getMessage());
    }
  }

  private void addOperation(ResourceSpec.Http resource, ResourceSpec.Operation spec) {
    try {
      operations.add(new Operation(resource, spec, UriTemplate.parse(spec.uriTemplate())));
    } catch (IllegalArgumentException e) {
      problems.add("resource " + resource.name() + ": " + e.getMessage());
    }
  }

  private <T> void addUnique(Map<String, T> map, String key, T value, String what) {
    if (map.putIfAbsent(key, value) != null) {
      problems.add("duplicate " + what + " " + key + ": the first one is served");
    }
  }

  public Optional<Tool> tool(String name) {
    return Optional.ofNullable(tools.get(name));
  }

  public Optional<PromptSpec> prompt(String name) {
    return Optional.ofNullable(prompts.get(name));
  }

  public Optional<ResourceSpec.Inline> inline(String uri) {
    return Optional.ofNullable(inline.get(uri));
  }

  /** The first operation whose template matches {@code uri}, with the variables' values. */
  public Optional<Map.Entry<Operation, Map<String, String>>> operation(String uri) {
    for (Operation o : operations) {
      var values = o.template().match(uri);
      if (values.isPresent()) {
        return Optional.of(Map.entry(o, values.get()));
      }
    }
    return Optional.empty();
  }

  /** Entries that were left out, for the log. */
  public List<String> problems() {
    return List.copyOf(problems);
  }

  public Duration defaultTimeout() {
    return defaultTimeout;
  }

  public JsonArray toolList() {
    JsonArrayBuilder out = Json.array();
    tools.values().forEach(t -> out.add(t.listing()));
    return out.build();
  }

  public JsonArray promptList() {
    JsonArrayBuilder out = Json.array();
    prompts.values().forEach(p -> out.add(PromptRenderer.listing(p)));
    return out.build();
  }

  /** Inline resources and HTTP operations without variables. */
  public JsonArray resourceList() {
    JsonArrayBuilder out = Json.array();
    inline
        .values()
        .forEach(i -> out.add(entry("uri", i.uri(), i.name(), i.description(), i.mimeType())));
    operations.stream()
        .filter(o -> o.template().plain())
        .forEach(o -> out.add(operationEntry("uri", o)));
    return out.build();
  }

  /** HTTP operations with variables. */
  public JsonArray templateList() {
    JsonArrayBuilder out = Json.array();
    operations.stream()
        .filter(o -> !o.template().plain())
        .forEach(o -> out.add(operationEntry("uriTemplate", o)));
    return out.build();
  }

  private static JsonObject operationEntry(String key, Operation o) {
    return entry(
        key,
        o.spec().uriTemplate(),
        o.resource().name(),
        o.spec().description(),
        o.spec().mimeType());
  }

  private static JsonObject entry(
      String key, String uri, String name, String description, String mimeType) {
    return Json.object()
        .add(key, uri)
        .add("name", name)
        .add("description", description)
        .add("mimeType", mimeType)
        .build();
  }

  /** How many tools, prompts and resources (inline and operations) are served. */
  public String summary() {
    return tools.size()
        + " tools, "
        + prompts.size()
        + " prompts, "
        + (inline.size() + operations.size())
        + " resources";
  }
}
