package io.mcpoperator.operator.api;

import java.util.List;
import java.util.Optional;

/**
 * A parsed MCPResource: inline content, or HTTP operations on Services (exactly one of the two).
 *
 * @param meta metadata
 * @param name resource name seen by clients
 * @param description what the resource holds
 * @param content inline content, when given
 * @param operations HTTP operations, when given (then {@code content} is empty)
 */
public record McpResource(
    ResourceMeta meta,
    String name,
    String description,
    Optional<Content> content,
    List<Operation> operations)
    implements Member {

  /** API kind. */
  public static final String KIND = "MCPResource";

  public McpResource {
    operations = List.copyOf(operations);
  }

  /** Inline content: text or base64 {@code blob} (both may be empty: the status says so). */
  public record Content(
      String uri, String mimeType, Optional<String> text, Optional<String> blob) {}

  /**
   * An HTTP operation. {@code parameters} holds every parameter, including path placeholders of
   * {@code ingressPath} that the spec did not declare (they become required path parameters).
   */
  public record Operation(
      String method,
      String ingressPath,
      String description,
      String mimeType,
      ServiceRef service,
      List<Parameter> parameters) {
    public Operation {
      parameters = List.copyOf(parameters);
    }
  }

  /** A parameter of an operation: where it goes in the HTTP request, and whether it must be set. */
  public record Parameter(String name, String in, boolean required, String description) {}
}
