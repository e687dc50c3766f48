package io.mcpoperator.operator.aggregate;

import io.mcpoperator.operator.api.McpResource;
import io.mcpoperator.operator.api.Parsed;
import java.util.List;
import java.util.Optional;

/**
 * Validates an MCPResource: inline content must not be empty ({@code ContentValid}, reasons
 * ContentValid / EmptyContent); every operation's Service must serve its port ({@code
 * OperationsValid}, reasons OperationsValid / ServiceNotFound / PortNotFound).
 */
public final class ResourceEvaluator {
  static final String CONTENT_VALID = "ContentValid";
  static final String OPERATIONS_VALID = "OperationsValid";

  private ResourceEvaluator() {}

  public static Evaluated<ResourceEntry> evaluate(
      Parsed<McpResource> parsed, ServiceDirectory services) {
    return switch (parsed) {
      case Parsed.Invalid<McpResource> invalid ->
          Evaluated.invalid(invalid.meta(), invalid.message());
      case Parsed.Valid<McpResource> valid ->
          Evaluated.of(
              valid.meta(),
              List.of(check(valid.value(), services)),
              () -> new ResourceEntry(valid.value()));
    };
  }

  private static Check check(McpResource resource, ServiceDirectory services) {
    if (resource.content().isPresent()) {
      McpResource.Content content = resource.content().get();
      boolean empty =
          content.text().filter(t -> !t.isEmpty()).isEmpty()
              && content.blob().filter(b -> !b.isEmpty()).isEmpty();
      return empty
          ? Check.failed(
              CONTENT_VALID,
              "EmptyContent",
              "spec.content has no text and no blob: set spec.content.text or spec.content.blob")
          : Check.ok(CONTENT_VALID, "serves " + content.uri() + " (" + content.mimeType() + ")");
    }
    List<McpResource.Operation> operations = resource.operations();
    for (int i = 0; i < operations.size(); i++) {
      McpResource.Operation op = operations.get(i);
      String namespace = op.service().namespaceFor(resource.meta().namespace());
      Optional<ServiceDirectory.Problem> problem =
          services.problem(namespace, op.service().name(), op.service().port());
      if (problem.isPresent()) {
        ServiceDirectory.Problem p = problem.get();
        return Check.failed(
            OPERATIONS_VALID, p.reason(), "spec.operations[" + i + "]: " + p.message());
      }
    }
    return Check.ok(
        OPERATIONS_VALID,
        operations.size() + (operations.size() == 1 ? " operation" : " operations") + " resolved");
  }
}
