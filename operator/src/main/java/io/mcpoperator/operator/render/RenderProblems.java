package io.mcpoperator.operator.render;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What render has to tell on stderr: errors (the input is invalid), warnings (it renders, but
 * probably not as meant) and the objects it skipped. Every line names its {@link Place}; lines are
 * printed in input order (sources as read, then document and item), whichever check found them.
 */
final class RenderProblems {
  enum Level {
    ERROR("error"),
    WARNING("warning"),
    SKIPPED("skipped");

    private final String label;

    Level(String label) {
      this.label = label;
    }
  }

  /** One line of the report. */
  record Problem(Level level, Place place, String message) {
    String line() {
      return "render: " + level.label + ": " + place + ": " + message;
    }
  }

  private final List<Problem> problems = new ArrayList<>();
  private final Map<String, Integer> sources = new LinkedHashMap<>();

  /** Notes a source about to be read, so that its problems come in reading order. */
  void source(String name) {
    sources.putIfAbsent(name, sources.size());
  }

  void error(Place place, String message) {
    add(Level.ERROR, place, message);
  }

  void warning(Place place, String message) {
    add(Level.WARNING, place, message);
  }

  void skipped(Place place, String message) {
    add(Level.SKIPPED, place, message);
  }

  long errors() {
    return problems.stream().filter(p -> p.level() == Level.ERROR).count();
  }

  /** In input order; a stable sort keeps the order found within one document. */
  List<Problem> all() {
    return problems.stream()
        .sorted(
            Comparator.<Problem>comparingInt(p -> sources.get(p.place().source()))
                .thenComparingInt(p -> p.place().document())
                .thenComparingInt(p -> p.place().item()))
        .toList();
  }

  void print(PrintStream err) {
    all().forEach(p -> err.println(p.line()));
  }

  private void add(Level level, Place place, String message) {
    source(place.source());
    problems.add(new Problem(level, place, message));
  }
}
