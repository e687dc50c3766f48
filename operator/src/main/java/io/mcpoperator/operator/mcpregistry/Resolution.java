package io.mcpoperator.operator.mcpregistry;

import java.util.List;

/** The outcome of mapping a registry entry: a run spec with warnings, or a refusal. */
public sealed interface Resolution {

  /** The entry maps to {@code spec}; {@code warnings} tell the user what was not carried over. */
  record Resolved(RunSpec spec, List<Warning> warnings) implements Resolution {
    public Resolved {
      warnings = List.copyOf(warnings);
    }
  }

  /** The entry cannot run: {@code reason} and a message saying what to fix. */
  record Refused(ResolveReason reason, String message) implements Resolution {}

  /** Something the user should know: {@code reason} (e.g. ServerDeprecated) and a message. */
  record Warning(String reason, String message) {}
}
