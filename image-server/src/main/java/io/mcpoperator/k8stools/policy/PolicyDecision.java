package io.mcpoperator.k8stools.policy;

import java.util.Optional;

/**
 * The policy's verdict on a command.
 *
 * @param allowed whether the command may run
 * @param rule the name of the rule that decided, if one did
 * @param message for a blocked command, what the caller is told
 */
public record PolicyDecision(boolean allowed, Optional<String> rule, String message) {

  static PolicyDecision allow(Optional<String> rule) {
    return new PolicyDecision(true, rule, "allowed");
  }

  static PolicyDecision deny(String rule, String message) {
    return new PolicyDecision(false, Optional.of(rule), message);
  }
}
