package io.mcpoperator.operator.render;

import com.google.gson.JsonObject;
import io.mcpoperator.operator.aggregate.Aggregator;
import io.mcpoperator.operator.aggregate.PromptEvaluator;
import io.mcpoperator.operator.aggregate.ResourceEvaluator;
import io.mcpoperator.operator.aggregate.ServiceDirectory;
import io.mcpoperator.operator.aggregate.ToolEvaluator;
import io.mcpoperator.operator.api.PromptParser;
import io.mcpoperator.operator.api.ResourceParser;
import io.mcpoperator.operator.api.ToolParser;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The MCPTools, MCPPrompts, MCPResources and Services of the rendered files: what their MCPServers
 * select. A Service found in the files must expose the port called; one not in the files is assumed
 * to exist (render sees no cluster).
 */
final class FileMembers implements ServiceDirectory {
  private final List<JsonObject> tools = new ArrayList<>();
  private final List<JsonObject> prompts = new ArrayList<>();
  private final List<JsonObject> resources = new ArrayList<>();
  private final Map<String, List<Integer>> servicePorts = new HashMap<>();

  /** Remembers a manifest (with its namespace defaulted) if it is one of the kinds used here. */
  void add(Manifest manifest) {
    JsonObject json = manifest.json();
    boolean ours = manifest.apiVersion().startsWith("mcpoperator.io/");
    switch (manifest.kind()) {
      case "MCPTool" -> addIf(ours, tools, json);
      case "MCPPrompt" -> addIf(ours, prompts, json);
      case "MCPResource" -> addIf(ours, resources, json);
      case "Service" -> {
        if ("v1".equals(manifest.apiVersion())) {
          JsonObject meta = json.getAsJsonObject("metadata");
          servicePorts.put(
              meta.get("namespace").getAsString() + "/" + meta.get("name").getAsString(),
              ports(json));
        }
      }
      default -> {}
    }
  }

  Aggregator.Candidates candidates() {
    return new Aggregator.Candidates(
        tools.stream().map(t -> ToolEvaluator.evaluate(ToolParser.parse(t), this)).toList(),
        prompts.stream().map(p -> PromptEvaluator.evaluate(PromptParser.parse(p))).toList(),
        resources.stream()
            .map(r -> ResourceEvaluator.evaluate(ResourceParser.parse(r), this))
            .toList());
  }

  @Override
  public Optional<Problem> problem(String namespace, String name, int port) {
    List<Integer> ports = servicePorts.get(namespace + "/" + name);
    if (ports == null || ports.contains(port)) {
      return Optional.empty();
    }
    return Optional.of(
        Problem.noPort(
            "Service "
                + namespace
                + "/"
                + name
                + " has no port "
                + port
                + " (it has "
                + ports
                + ")"));
  }

  private static void addIf(boolean ours, List<JsonObject> list, JsonObject json) {
    if (ours) {
      list.add(json);
    }
  }

  private static List<Integer> ports(JsonObject service) {
    List<Integer> ports = new ArrayList<>();
    JsonObject spec = service.has("spec") ? service.getAsJsonObject("spec") : new JsonObject();
    if (spec.has("ports") && spec.get("ports").isJsonArray()) {
      spec.getAsJsonArray("ports")
          .forEach(
              p -> {
                if (p.isJsonObject() && p.getAsJsonObject().has("port")) {
                  ports.add(p.getAsJsonObject().get("port").getAsInt());
                }
              });
    }
    return ports;
  }
}
