package io.mcpoperator.k8stools.policy;

import io.mcpoperator.k8stools.command.Tool;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One allow or deny rule.
 *
 * <p>{@code command} is a list of words matched word by word against the start of the command's
 * positional words (never as a string prefix: {@code delete pod} does not match {@code delete
 * podsecuritypolicy}); a word may list alternatives ({@code delete|del}) or be {@code *}. With
 * {@code withFlags} the rule applies only to commands that carry one of those flags. An allow rule
 * never covers a command carrying a scope-widening flag ({@code --all}, {@code -A}, {@code -l},
 * {@code -f}, ...) unless that flag is in its {@code withFlags}.
 *
 * @param name shown to the caller when the rule blocks or allows a command
 * @param effect allow or deny
 * @param tool the tool it applies to; empty for every tool
 * @param command the words to match; empty matches every command
 * @param withFlags canonical flag names (as given, normalized per tool when matching)
 * @param reason why, shown when the rule blocks a command
 */
public record PolicyRule(
    String name,
    Effect effect,
    Optional<Tool> tool,
    List<Set<String>> command,
    Set<String> withFlags,
    String reason) {

  /** What a matching rule does. */
  public enum Effect {
    ALLOW,
    DENY
  }

  public PolicyRule {
    command = List.copyOf(command);
    withFlags = Set.copyOf(withFlags);
  }

  /** Builds a rule from its textual form ({@code "delete|del pod"}). */
  public static PolicyRule of(
      String name,
      Effect effect,
      Optional<Tool> tool,
      String command,
      List<String> withFlags,
      String reason) {
    List<Set<String>> words = new ArrayList<>();
    for (String word : command.strip().split("\\s+")) {
      if (!word.isEmpty()) {
        words.add(Set.of(word.split("\\|")));
      }
    }
    return new PolicyRule(name, effect, tool, words, Set.copyOf(withFlags), reason);
  }

  /** Whether this rule matches one reading of a command of {@code commandTool}. */
  public boolean matches(Tool commandTool, CommandShape shape) {
    if (tool.isPresent() && tool.get() != commandTool) {
      return false;
    }
    ToolFlags known = ToolFlags.of(commandTool);
    Set<String> ruleFlags =
        withFlags.stream().map(known::canonicalName).collect(Collectors.toUnmodifiableSet());
    if (!ruleFlags.isEmpty() && ruleFlags.stream().noneMatch(shape.flags()::contains)) {
      return false;
    }
    if (effect == Effect.ALLOW
        && shape.flags().stream()
            .anyMatch(f -> known.widening().contains(f) && !ruleFlags.contains(f))) {
      return false;
    }
    return wordsMatch(commandTool, shape.positionals());
  }

  private boolean wordsMatch(Tool commandTool, List<String> positionals) {
    if (positionals.size() < command.size()) {
      return false;
    }
    for (int i = 0; i < command.size(); i++) {
      if (!wordMatches(commandTool, i, command.get(i), positionals.get(i))) {
        return false;
      }
    }
    return true;
  }

  /**
   * A comma list ({@code pod,secret}) matches a deny rule if any of its parts does, and an allow
   * rule only if all of them do.
   */
  private boolean wordMatches(Tool commandTool, int index, Set<String> alternatives, String word) {
    if (alternatives.contains("*") || alternatives.contains(word)) {
      return true;
    }
    if (commandTool != Tool.KUBECTL || index == 0) {
      return false;
    }
    Set<String> wanted =
        alternatives.stream().map(ResourceNames::resource).collect(Collectors.toSet());
    List<String> parts =
        Arrays.stream(word.split(","))
            .filter(p -> !p.isEmpty())
            .map(ResourceNames::resource)
            .toList();
    return effect == Effect.DENY
        ? parts.stream().anyMatch(wanted::contains)
        : !parts.isEmpty() && parts.stream().allMatch(wanted::contains);
  }

  /** The rule's command words as written, for messages. */
  public String commandText() {
    return command.stream()
        .map(alternatives -> String.join("|", alternatives.stream().sorted().toList()))
        .collect(Collectors.joining(" "));
  }

  @Override
  public String toString() {
    return name
        + " ("
        + effect
        + " "
        + tool.map(Tool::binary).orElse("*")
        + " "
        + commandText()
        + (withFlags.isEmpty()
            ? ""
            : " with " + String.join(",", withFlags.stream().sorted().toList()))
        + ")";
  }
}
