package io.mcpoperator.operator.aggregate;

import com.google.gson.JsonObject;
import io.mcpoperator.operator.api.McpResource;
import io.mcpoperator.operator.api.McpServer;
import io.mcpoperator.operator.api.Parsed;
import io.mcpoperator.operator.api.PromptParser;
import io.mcpoperator.operator.api.ResourceParser;
import io.mcpoperator.operator.api.ToolParser;
import io.mcpoperator.operator.desired.TestServers;
import java.util.Optional;
import java.util.Set;

/** MCPTools, MCPPrompts and MCPResources for tests, from a few lines of YAML. */
public final class TestMembers {
  /** Services that do not exist; every other Service exists and serves every port. */
  public static final Set<String> MISSING = Set.of("missing");

  public static final ServiceDirectory SERVICES =
      (namespace, name, port) ->
          MISSING.contains(name)
              ? Optional.of(
                  ServiceDirectory.Problem.notFound(
                      "Service " + namespace + "/" + name + " not found"))
              : Optional.empty();

  private TestMembers() {}

  /** An object of {@code kind} named {@code name} in {@code ns} with labels and spec lines. */
  public static JsonObject raw(String kind, String ns, String name, String labels, String spec) {
    return TestServers.json(
        """
        apiVersion: mcpoperator.io/v1alpha1
        kind: %s
        metadata: {name: %s, namespace: %s, generation: 3, labels: %s}
        spec:
        %s"""
            .formatted(kind, name, ns, labels, spec.indent(2)));
  }

  public static Evaluated<ToolEntry> tool(String ns, String name, String labels, String spec) {
    return ToolEvaluator.evaluate(
        ToolParser.parse(raw("MCPTool", ns, name, labels, spec)), SERVICES);
  }

  public static Evaluated<PromptEntry> prompt(String ns, String name, String labels, String spec) {
    return PromptEvaluator.evaluate(PromptParser.parse(raw("MCPPrompt", ns, name, labels, spec)));
  }

  public static Evaluated<ResourceEntry> resource(
      String ns, String name, String labels, String spec) {
    return ResourceEvaluator.evaluate(
        ResourceParser.parse(raw("MCPResource", ns, name, labels, spec)), SERVICES);
  }

  /** The parsed resource, which must be valid. */
  public static McpResource validResource(String spec) {
    Parsed<McpResource> parsed = ResourceParser.parse(raw("MCPResource", "ns", "r", "{}", spec));
    if (parsed instanceof Parsed.Valid<McpResource> valid) {
      return valid.value();
    }
    throw new AssertionError("expected a valid resource: " + parsed);
  }

  /** An aggregating server in {@code ns} with the given toolSelector (YAML flow). */
  public static McpServer server(String ns, String name, String selector) {
    return TestServers.valid(
        """
        apiVersion: mcpoperator.io/v1alpha1
        kind: MCPServer
        metadata: {name: %s, namespace: %s, uid: u-%s, generation: 1}
        spec:
          toolSelector: %s
        """
            .formatted(name, ns, name, selector));
  }
}
