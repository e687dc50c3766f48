package io.mcpoperator.k8stools.command;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The options a text filter may be given. Every filter reads only the previous stage's output:
 * options that name files, write files or run programs are not in the lists, and operands beyond
 * the filter's own expression (a grep pattern, a jq program) are rejected as file names.
 *
 * @param name the filter's executable name
 * @param arity each allowed option (long {@code --x} or short {@code -x}) and how many values it
 *     takes
 * @param maxOperands how many non-option words the filter accepts
 * @param operandFlags options that supply the expression instead of an operand (grep {@code -e})
 * @param numericShortcut whether {@code -5} means "5 lines" (head, tail)
 */
record FilterSpec(
    String name,
    Map<String, Integer> arity,
    int maxOperands,
    Set<String> operandFlags,
    boolean numericShortcut) {

  /** Checks a filter's arguments, throwing a validation failure that names the problem. */
  void check(List<String> args) {
    int operands = 0;
    int allowed = maxOperands;
    boolean optionsEnded = false;
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (optionsEnded || !arg.startsWith("-") || arg.equals("-")) {
        operands++;
        continue;
      }
      if (arg.equals("--")) {
        optionsEnded = true;
        continue;
      }
      if (numericShortcut && arg.substring(1).chars().allMatch(Character::isDigit)) {
        continue;
      }
      if (arg.startsWith("--")) {
        String option = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
        int takes = arityOf(option);
        if (operandFlags.contains(option)) {
          allowed--;
        }
        i += arg.contains("=") ? Math.max(0, takes - 1) : takes;
        continue;
      }
      for (int c = 1; c < arg.length(); c++) {
        String option = "-" + arg.charAt(c);
        int takes = arityOf(option);
        if (operandFlags.contains(option)) {
          allowed--;
        }
        if (takes > 0) {
          i += c + 1 < arg.length() ? takes - 1 : takes;
          break;
        }
      }
    }
    if (operands > Math.max(0, allowed)) {
      throw ToolFailure.validation(
          name
              + " reads only the command's output: file names and extra arguments are not allowed"
              + " (got: "
              + String.join(" ", args)
              + ")");
    }
  }

  private int arityOf(String option) {
    Integer takes = arity.get(option);
    if (takes == null) {
      throw ToolFailure.validation(
          "option " + option + " is not allowed for " + name + " in a pipeline");
    }
    return takes;
  }
}
