package io.mcpoperator.operator.status;

import java.util.ArrayList;
import java.util.List;

/**
 * The aggregated items a server's gateway hides because its upstream server lists the same name
 * (tools, prompts) or URI (resources), as the gateway reported them; each list sorted.
 */
public record Shadowed(List<String> tools, List<String> prompts, List<String> resources) {

  public Shadowed {
    tools = List.copyOf(tools);
    prompts = List.copyOf(prompts);
    resources = List.copyOf(resources);
  }

  /** Nothing shadowed. */
  public static Shadowed none() {
    return new Shadowed(List.of(), List.of(), List.of());
  }

  public boolean isEmpty() {
    return tools.isEmpty() && prompts.isEmpty() && resources.isEmpty();
  }

  /** E.g. {@code shadowed by the upstream server: tools echo, search; resources docs://a}. */
  String describe() {
    List<String> parts = new ArrayList<>();
    add(parts, "tool", tools);
    add(parts, "prompt", prompts);
    add(parts, "resource", resources);
    return "shadowed by the upstream server: " + String.join("; ", parts);
  }

  private static void add(List<String> parts, String noun, List<String> names) {
    if (!names.isEmpty()) {
      parts.add(noun + (names.size() == 1 ? " " : "s ") + String.join(", ", names));
    }
  }
}
