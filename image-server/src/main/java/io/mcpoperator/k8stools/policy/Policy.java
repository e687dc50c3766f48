package io.mcpoperator.k8stools.policy;

import io.mcpoperator.k8stools.command.Tool;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Decides whether a command may run.
 *
 * <p>Order: a help request ({@code --help} / {@code -h}) is always allowed; then an allow rule that
 * matches every reading of the command allows it; then a deny rule that matches any reading blocks
 * it; in strict mode, a flag that would read a file of this server ({@link ServerFiles}) blocks it;
 * anything else runs. In strict mode the built-in deny rules ({@link BuiltinRules}) come before the
 * configured ones; in permissive mode only the configured rules apply.
 */
public record Policy(Mode mode, List<PolicyRule> allowRules, List<PolicyRule> denyRules) {

  /** How much the policy blocks by itself. */
  public enum Mode {
    STRICT,
    PERMISSIVE;

    public static Mode parse(String text) {
      try {
        return valueOf(text.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "policy mode must be strict or permissive, got '" + text + "'", e);
      }
    }

    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public Policy {
    allowRules = List.copyOf(allowRules);
    denyRules = List.copyOf(denyRules);
  }

  /** A policy of the given mode with the configured rules (built-ins added in strict mode). */
  public static Policy of(Mode mode, List<PolicyRule> allow, List<PolicyRule> deny) {
    List<PolicyRule> effectiveDeny =
        mode == Mode.STRICT
            ? java.util.stream.Stream.concat(BuiltinRules.strictDeny().stream(), deny.stream())
                .toList()
            : deny;
    return new Policy(mode, allow, effectiveDeny);
  }

  public PolicyDecision evaluate(Tool tool, List<String> args) {
    List<CommandShape> readings = CommandShape.readings(tool, args);
    if (readings.stream().allMatch(CommandShape::isHelp)) {
      return PolicyDecision.allow(Optional.of("help"));
    }
    for (PolicyRule rule : allowRules) {
      if (readings.stream().allMatch(shape -> rule.matches(tool, shape))) {
        return PolicyDecision.allow(Optional.of(rule.name()));
      }
    }
    for (PolicyRule rule : denyRules) {
      if (readings.stream().anyMatch(shape -> rule.matches(tool, shape))) {
        return PolicyDecision.deny(rule.name(), message(tool, rule.name(), rule.reason()));
      }
    }
    if (mode == Mode.STRICT) {
      Optional<String> fileRead = ServerFiles.firstRead(tool, readings);
      if (fileRead.isPresent()) {
        return PolicyDecision.deny(
            ServerFiles.RULE, message(tool, ServerFiles.RULE, fileRead.get()));
      }
    }
    return PolicyDecision.allow(Optional.empty());
  }

  private String message(Tool tool, String rule, String reason) {
    return "blocked by policy rule '"
        + rule
        + "' ("
        + mode.label()
        + " mode): "
        + reason
        + ". '"
        + tool.binary()
        + " ... --help' is always allowed; an operator can permit this with an allow rule.";
  }
}
