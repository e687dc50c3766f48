package io.mcpoperator.operator.aggregate;

import java.util.Comparator;
import java.util.List;

/**
 * What one MCPServer serves from the objects its {@code toolSelector} selects.
 *
 * @param selecting whether the server has a {@code toolSelector} at all
 * @param tools served tools, sorted by name
 * @param prompts served prompts, sorted by name
 * @param resources served resources, sorted by name
 * @param conflicts selected, ready objects left out because an older one has their name
 * @param notReady selected objects left out because they are not ready
 */
public record Aggregation(
    boolean selecting,
    List<ToolEntry> tools,
    List<PromptEntry> prompts,
    List<ResourceEntry> resources,
    List<Conflict> conflicts,
    List<NotReady> notReady) {

  public Aggregation {
    tools = List.copyOf(tools);
    prompts = List.copyOf(prompts);
    resources = List.copyOf(resources);
    conflicts = List.copyOf(conflicts);
    notReady = List.copyOf(notReady);
  }

  /** A selected object that is not served, with its Ready condition's reason and message. */
  public record NotReady(Source source, String reason, String message) {
    public String describe() {
      return source.describe() + ": " + reason + " (" + message + ")";
    }
  }

  /** For a server without {@code toolSelector}. */
  public static Aggregation none() {
    return new Aggregation(false, List.of(), List.of(), List.of(), List.of(), List.of());
  }

  /** The Secret keys the gateway container needs as environment variables, sorted, distinct. */
  public List<SecretEnv> secretEnvs() {
    return tools.stream()
        .flatMap(t -> t.secretEnvs().stream())
        .distinct()
        .sorted(Comparator.comparing(SecretEnv::variable))
        .toList();
  }
}
