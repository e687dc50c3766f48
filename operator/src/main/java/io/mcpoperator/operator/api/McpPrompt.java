package io.mcpoperator.operator.api;

import java.util.List;
import java.util.Optional;

/**
 * A parsed MCPPrompt: a template with {@code {{variable}}} placeholders.
 *
 * @param meta metadata
 * @param name prompt name seen by clients
 * @param description what the prompt is for
 * @param template the text, at most 10,000 characters
 * @param variables the declared arguments, in spec order
 */
public record McpPrompt(
    ResourceMeta meta, String name, String description, String template, List<Variable> variables)
    implements Member {

  /** API kind. */
  public static final String KIND = "MCPPrompt";

  public McpPrompt {
    variables = List.copyOf(variables);
  }

  /** A declared argument; {@code defaultValue} is used when a client gives none. */
  public record Variable(
      String name, String description, boolean required, Optional<String> defaultValue) {}
}
