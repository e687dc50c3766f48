package io.mcpoperator.operator.aggregate;

import io.mcpoperator.operator.api.McpTool;
import io.mcpoperator.operator.api.Parsed;
import java.util.ArrayList;
import java.util.List;

/**
 * Validates an MCPTool: {@code SchemaValid} (reasons SchemaValid / InvalidSchema) and {@code
 * ServiceResolved} (ServiceResolved / ServiceNotFound / PortNotFound); {@code Ready} when both
 * hold.
 */
public final class ToolEvaluator {
  static final String SCHEMA_VALID = "SchemaValid";
  static final String SERVICE_RESOLVED = "ServiceResolved";

  private ToolEvaluator() {}

  public static Evaluated<ToolEntry> evaluate(Parsed<McpTool> parsed, ServiceDirectory services) {
    return switch (parsed) {
      case Parsed.Invalid<McpTool> invalid -> Evaluated.invalid(invalid.meta(), invalid.message());
      case Parsed.Valid<McpTool> valid -> evaluate(valid.value(), services);
    };
  }

  private static Evaluated<ToolEntry> evaluate(McpTool tool, ServiceDirectory services) {
    List<String> problems =
        new ArrayList<>(SchemaCheck.problems("spec.inputSchema", tool.inputSchema()));
    tool.outputSchema()
        .ifPresent(s -> problems.addAll(SchemaCheck.problems("spec.outputSchema", s)));
    Check schema =
        problems.isEmpty()
            ? Check.ok(SCHEMA_VALID, "spec.inputSchema is a valid JSON Schema (2020-12)")
            : Check.failed(SCHEMA_VALID, "InvalidSchema", String.join("; ", problems));
    String url = endpoint(tool);
    Check service =
        services
            .problem(
                tool.service().namespaceFor(tool.meta().namespace()),
                tool.service().name(),
                tool.service().port())
            .map(p -> Check.failed(SERVICE_RESOLVED, p.reason(), p.message()))
            .orElseGet(() -> Check.ok(SERVICE_RESOLVED, "calls " + tool.method() + " " + url));
    return Evaluated.of(tool.meta(), List.of(schema, service), () -> new ToolEntry(tool, url));
  }

  /** {@code http://<svc>.<ns>.svc.cluster.local:<port><path>}. */
  public static String endpoint(McpTool tool) {
    return tool.service().baseUrl(tool.meta().namespace()) + tool.service().path();
  }
}
