package io.mcpoperator.operator.render;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.mcpoperator.operator.aggregate.Aggregator;
import io.mcpoperator.operator.aggregate.PromptEvaluator;
import io.mcpoperator.operator.aggregate.ResourceEvaluator;
import io.mcpoperator.operator.aggregate.ServiceDirectory;
import io.mcpoperator.operator.aggregate.ToolEvaluator;
import io.mcpoperator.operator.api.Member;
import io.mcpoperator.operator.api.Parsed;
import io.mcpoperator.operator.api.PromptParser;
import io.mcpoperator.operator.api.ResourceParser;
import io.mcpoperator.operator.api.ToolParser;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The MCPTools, MCPPrompts, MCPResources and Services of the rendered files: what their MCPServers
 * select. A Service found in the files must expose the port called; one not in the files is assumed
 * to exist (render sees no cluster). A member whose spec cannot be parsed is an error.
 */
final class FileMembers implements ServiceDirectory {
  private final List<Manifest> tools = new ArrayList<>();
  private final List<Manifest> prompts = new ArrayList<>();
  private final List<Manifest> resources = new ArrayList<>();
  private final Map<String, List<Integer>> servicePorts = new HashMap<>();

  /** Remembers a manifest (with its namespace defaulted) if it is one of the kinds used here. */
  void add(Manifest manifest) {
    boolean ours = CrdSchemas.inGroup(manifest.apiVersion());
    switch (manifest.kind()) {
      case "MCPTool" -> addIf(ours, tools, manifest);
      case "MCPPrompt" -> addIf(ours, prompts, manifest);
      case "MCPResource" -> addIf(ours, resources, manifest);
      case "Service" -> {
        if ("v1".equals(manifest.apiVersion())) {
          servicePorts.put(manifest.namespace() + "/" + manifest.name(), ports(manifest.json()));
        }
      }
      default -> {}
    }
  }

  /** The members that parse, evaluated as the operator would; the others reported. */
  Aggregator.Candidates candidates(RenderProblems problems) {
    return new Aggregator.Candidates(
        valid(tools, ToolParser::parse, problems).stream()
            .map(t -> ToolEvaluator.evaluate(t, this))
            .toList(),
        valid(prompts, PromptParser::parse, problems).stream()
            .map(PromptEvaluator::evaluate)
            .toList(),
        valid(resources, ResourceParser::parse, problems).stream()
            .map(r -> ResourceEvaluator.evaluate(r, this))
            .toList());
  }

  private static <T extends Member> List<Parsed<T>> valid(
      List<Manifest> manifests, Function<JsonObject, Parsed<T>> parser, RenderProblems problems) {
    List<Parsed<T>> valid = new ArrayList<>();
    for (Manifest manifest : manifests) {
      switch (parser.apply(manifest.json())) {
        case Parsed.Valid<T> ok -> valid.add(ok);
        case Parsed.Invalid<T> invalid -> problems.error(manifest.place(), invalid.message());
      }
    }
    return valid;
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

  private static void addIf(boolean ours, List<Manifest> list, Manifest manifest) {
    if (ours) {
      list.add(manifest);
    }
  }

  private static List<Integer> ports(JsonObject service) {
    List<Integer> ports = new ArrayList<>();
    JsonElement spec = service.get("spec");
    if (spec == null || !spec.isJsonObject()) {
      return ports;
    }
    JsonElement list = spec.getAsJsonObject().get("ports");
    if (list != null && list.isJsonArray()) {
      list.getAsJsonArray()
          .forEach(
              p -> {
                JsonElement port = p.isJsonObject() ? p.getAsJsonObject().get("port") : null;
                if (port != null
                    && port.isJsonPrimitive()
                    && port.getAsJsonPrimitive().isNumber()) {
                  ports.add(port.getAsInt());
                }
              });
    }
    return ports;
  }
}
