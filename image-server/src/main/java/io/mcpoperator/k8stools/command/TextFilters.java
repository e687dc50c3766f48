package io.mcpoperator.k8stools.command;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The allow-list of text filters a tool's output may be piped into. */
public final class TextFilters {
  private static final Map<String, FilterSpec> SPECS =
      Map.of(
          "grep",
          new FilterSpec(
              "grep",
              arities(
                  "-i --ignore-case --no-ignore-case -v --invert-match -w --word-regexp -x"
                      + " --line-regexp -c --count -n --line-number -o --only-matching -E"
                      + " --extended-regexp -F --fixed-strings -G --basic-regexp -P --perl-regexp"
                      + " -s --no-messages -q --quiet --silent -a --text",
                  "-e --regexp -m --max-count -A --after-context -B --before-context -C --context",
                  ""),
              1,
              Set.of("-e", "--regexp"),
              false),
          "head",
          lineFilter("head", "-q --quiet --silent -v --verbose"),
          "tail",
          lineFilter("tail", "-q --quiet --silent -v --verbose"),
          "wc",
          new FilterSpec(
              "wc",
              arities("-l --lines -w --words -c --bytes -m --chars -L --max-line-length", "", ""),
              0,
              Set.of(),
              false),
          "sort",
          new FilterSpec(
              "sort",
              arities(
                  "-r --reverse -n --numeric-sort -u --unique -h --human-numeric-sort -V"
                      + " --version-sort -f --ignore-case -b --ignore-leading-blanks -g"
                      + " --general-numeric-sort -M --month-sort -s --stable -d"
                      + " --dictionary-order -i --ignore-nonprinting",
                  "-k --key -t --field-separator",
                  ""),
              0,
              Set.of(),
              false),
          "jq",
          new FilterSpec(
              "jq",
              arities(
                  "-r --raw-output -c --compact-output -j --join-output -e --exit-status -s"
                      + " --slurp -S --sort-keys -M --monochrome-output -a --ascii-output -n"
                      + " --null-input --tab --seq --raw-output0",
                  "--indent",
                  "--arg --argjson"),
              1,
              Set.of(),
              false));

  private TextFilters() {}

  /** The names of the allowed filters. */
  public static Set<String> names() {
    return SPECS.keySet();
  }

  /**
   * Checks one pipeline stage (filter name first), throwing a validation failure if not allowed.
   */
  public static void check(List<String> stage) {
    FilterSpec spec = SPECS.get(stage.getFirst());
    if (spec == null) {
      throw ToolFailure.validation(
          "'"
              + stage.getFirst()
              + "' is not an allowed pipeline stage; output may be piped only into "
              + String.join(", ", names().stream().sorted().toList()));
    }
    spec.check(stage.subList(1, stage.size()));
  }

  private static FilterSpec lineFilter(String name, String flags) {
    return new FilterSpec(name, arities(flags, "-n --lines -c --bytes", ""), 0, Set.of(), true);
  }

  private static Map<String, Integer> arities(String none, String one, String two) {
    Map<String, Integer> arity = new HashMap<>();
    put(arity, none, 0);
    put(arity, one, 1);
    put(arity, two, 2);
    return Map.copyOf(arity);
  }

  private static void put(Map<String, Integer> arity, String options, int takes) {
    for (String option : options.split(" ")) {
      if (!option.isEmpty()) {
        arity.put(option, takes);
      }
    }
  }
}
