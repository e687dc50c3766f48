package io.mcpoperator.k8stools.policy;

import io.mcpoperator.k8stools.command.Tool;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A command reduced to what the policy matches on: its positional words (verb, sub-verb, resource,
 * names) with flags and flag values removed, the canonical names of its flags and the values given
 * to them.
 *
 * <p>Global flags may stand anywhere, also before the verb ({@code kubectl -n prod delete pod x}).
 * A flag the policy does not know could be a switch or take a value; {@link #readings} returns both
 * readings so that the policy can take the stricter one.
 *
 * @param positionals the words that are not flags or flag values, kubectl resources normalized
 * @param flags canonical flag names
 * @param values the values of flags that took one, by canonical name
 * @param help whether {@code --help} or {@code -h} stands as a flag of its own; the CLI then prints
 *     usage and changes nothing ({@code --help=false} is not a help request)
 */
public record CommandShape(
    List<String> positionals, Set<String> flags, Map<String, List<String>> values, boolean help) {

  /** One reading if every flag is known, two (switch / takes a value) otherwise. */
  public static List<CommandShape> readings(Tool tool, List<String> args) {
    CommandShape asSwitches = new Reader(tool, false).read(args);
    CommandShape asValues = new Reader(tool, true).read(args);
    return asSwitches.equals(asValues) ? List.of(asSwitches) : List.of(asSwitches, asValues);
  }

  public boolean isHelp() {
    return help;
  }

  /** One pass over the arguments under one reading of unknown flags. */
  private static final class Reader {
    private final Tool tool;
    private final ToolFlags known;
    private final boolean unknownTakesValue;
    private final List<String> positionals = new ArrayList<>();
    private final Set<String> flags = new LinkedHashSet<>();
    private final Map<String, List<String>> values = new LinkedHashMap<>();
    private boolean help;

    Reader(Tool tool, boolean unknownTakesValue) {
      this.tool = tool;
      this.known = ToolFlags.of(tool);
      this.unknownTakesValue = unknownTakesValue;
    }

    CommandShape read(List<String> args) {
      boolean flagsEnded = false;
      for (int i = 0; i < args.size(); i++) {
        String arg = args.get(i);
        String next = i + 1 < args.size() ? args.get(i + 1) : "";
        if (flagsEnded || !arg.startsWith("-") || arg.equals("-")) {
          positionals.add(arg);
        } else if (arg.equals("--")) {
          flagsEnded = true;
        } else if (arg.equals("--help") || arg.equals("-h")) {
          help = true;
          flags.add("--help");
        } else if (arg.startsWith("--")) {
          i += longFlag(arg, next);
        } else {
          i += shortCluster(arg, next);
        }
      }
      Map<String, List<String>> frozen = new LinkedHashMap<>();
      values.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
      return new CommandShape(
          List.copyOf(ResourceNames.normalize(tool, positionals)),
          Set.copyOf(flags),
          Map.copyOf(frozen),
          help);
    }

    /**
     * Reads {@code --x}, {@code --x=v} or {@code --x v}; returns how many following words it took.
     */
    private int longFlag(String arg, String next) {
      int eq = arg.indexOf('=');
      String name = eq < 0 ? arg : arg.substring(0, eq);
      if (eq >= 0) {
        flag(name, arg.substring(eq + 1));
        return 0;
      }
      if (takesValue(name)) {
        flag(name, next);
        return 1;
      }
      flags.add(canonical(name));
      return 0;
    }

    /** Reads {@code -abc}, {@code -nfoo}, {@code -n=foo} or {@code -n foo}. */
    private int shortCluster(String arg, String next) {
      for (int c = 1; c < arg.length(); c++) {
        String name = "-" + arg.charAt(c);
        if (takesValue(name)) {
          String attached = arg.substring(c + 1);
          flag(
              name,
              attached.startsWith("=")
                  ? attached.substring(1)
                  : attached.isEmpty() ? next : attached);
          return attached.isEmpty() ? 1 : 0;
        }
        flags.add(canonical(name));
      }
      return 0;
    }

    private void flag(String name, String value) {
      String canonical = canonical(name);
      flags.add(canonical);
      values.computeIfAbsent(canonical, k -> new ArrayList<>()).add(value);
    }

    /** {@code kubectl logs -f} is {@code --follow}; everywhere else kubectl's -f is a file. */
    private boolean logsFollow(String name) {
      return tool == Tool.KUBECTL
          && name.equals("-f")
          && !positionals.isEmpty()
          && positionals.getFirst().equals("logs");
    }

    private String canonical(String name) {
      return logsFollow(name) ? "--follow" : known.canonicalName(name);
    }

    private boolean takesValue(String name) {
      if (logsFollow(name)) {
        return false;
      }
      if (known.valueFlags().contains(name)) {
        return true;
      }
      return !known.switches().contains(name) && unknownTakesValue;
    }
  }
}
