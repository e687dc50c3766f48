package io.mcpoperator.gateway.aggregate;

import java.util.List;
import java.util.Optional;

/** An aggregated MCPPrompt: a template with {@code {{variable}}} placeholders. */
public record PromptSpec(
    String name, String description, String template, List<Argument> arguments) {

  /** A declared variable; a missing optional one takes {@code defaultValue}, else "". */
  public record Argument(
      String name, String description, boolean required, Optional<String> defaultValue) {}
}
