package io.mcpoperator.operator.api;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads one {@code spec.operations[]} entry of an MCPResource and checks its parameters. */
final class OperationReader {
  private static final Set<String> LOCATIONS = Set.of("path", "query", "header");

  private OperationReader() {}

  static McpResource.Operation read(JsonFields op) {
    String ingressPath = op.required("ingressPath", "give the path clients address, e.g. /a/{id}");
    if (!ResourceParser.isPath(ingressPath)) {
      throw op.invalid("ingressPath", "must be a path such as /customers/{id}; got " + ingressPath);
    }
    List<String> placeholders = placeholders(op, "ingressPath", ingressPath);
    if (new LinkedHashSet<>(placeholders).size() != placeholders.size()) {
      throw op.invalid("ingressPath", "uses a placeholder twice: " + ingressPath);
    }
    ServiceRef service = ServiceRef.read(ToolParser.required(op, "service"));
    List<McpResource.Parameter> parameters = parameters(op, placeholders);
    checkServicePath(op, service.path(), placeholders);
    return new McpResource.Operation(
        ToolParser.method(op, "GET"),
        ingressPath,
        op.string("description").orElse(""),
        op.string("mimeType").orElse("application/json"),
        service,
        parameters);
  }

  private static List<McpResource.Parameter> parameters(JsonFields op, List<String> placeholders) {
    List<McpResource.Parameter> parameters = new ArrayList<>();
    Map<String, String> variables = new HashMap<>();
    Set<String> declaredPath = new LinkedHashSet<>();
    for (JsonFields p : op.objects("parameters")) {
      String name = p.required("name", "name the parameter");
      String in = p.string("in").orElse("query");
      if (!LOCATIONS.contains(in)) {
        throw p.invalid("in", "must be path, query or header; got \"" + in + "\"");
      }
      if ("path".equals(in)) {
        if (!placeholders.contains(name)) {
          throw p.invalid(
              "name", "\"" + name + "\" is a path parameter but ingressPath has no {" + name + "}");
        }
        declaredPath.add(name);
      }
      parameters.add(
          new McpResource.Parameter(
              name,
              in,
              "path".equals(in) || p.bool("required", false),
              p.string("description").orElse("")));
      unique(p, variables, name);
    }
    for (String placeholder : placeholders) {
      if (!declaredPath.contains(placeholder)) {
        unique(op, variables, placeholder);
        parameters.add(new McpResource.Parameter(placeholder, "path", true, ""));
      }
    }
    return parameters;
  }

  private static void unique(JsonFields at, Map<String, String> variables, String name) {
    String previous = variables.put(PathTemplate.variable(name), name);
    if (previous != null) {
      throw at.invalid(
          "parameters",
          "\""
              + previous
              + "\" and \""
              + name
              + "\" both become URI template variable "
              + PathTemplate.variable(name)
              + ": rename one");
    }
  }

  private static void checkServicePath(JsonFields op, String path, List<String> placeholders) {
    List<String> used = placeholders(op, "service.path", path);
    for (String name : used) {
      if (!placeholders.contains(name)) {
        throw op.invalid("service.path", "uses {" + name + "}, which ingressPath does not have");
      }
    }
    if (!"/".equals(path)) {
      for (String name : placeholders) {
        if (!used.contains(name)) {
          throw op.invalid(
              "service.path",
              path + " does not use path parameter {" + name + "} of ingressPath: add it");
        }
      }
    }
  }

  private static List<String> placeholders(JsonFields op, String field, String path) {
    try {
      return PathTemplate.placeholders(path);
    } catch (IllegalArgumentException e) {
      throw op.invalid(field, e.getMessage());
    }
  }
}
