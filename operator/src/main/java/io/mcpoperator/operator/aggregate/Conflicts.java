package io.mcpoperator.operator.aggregate;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Resolves entries of one kind that claim the same key: the oldest object (creationTimestamp) wins,
 * then the smaller namespace/name; the others are left out and reported.
 */
public final class Conflicts {
  /** Precedence: older first; objects without a timestamp last; then namespace and name. */
  static final Comparator<Entry> PRECEDENCE =
      Comparator.comparing(
              (Entry e) -> e.created().orElse(OffsetDateTime.MAX), Comparator.naturalOrder())
          .thenComparing(e -> e.source().namespace())
          .thenComparing(e -> e.source().name());

  /** Served entries sorted by name, and the conflicts that left others out. */
  public record Resolved<E extends Entry>(List<E> served, List<Conflict> conflicts) {}

  private Conflicts() {}

  public static <E extends Entry> Resolved<E> resolve(String kind, List<E> entries) {
    List<E> ordered = new ArrayList<>(entries);
    ordered.sort(PRECEDENCE);
    Map<String, E> owners = new HashMap<>();
    List<E> served = new ArrayList<>();
    List<Conflict> conflicts = new ArrayList<>();
    for (E entry : ordered) {
      Optional<String> taken = entry.keys().stream().filter(owners::containsKey).findFirst();
      if (taken.isPresent()) {
        conflicts.add(
            new Conflict(
                describe(kind, taken.get()), owners.get(taken.get()).source(), entry.source()));
      } else {
        entry.keys().forEach(k -> owners.put(k, entry));
        served.add(entry);
      }
    }
    served.sort(Comparator.comparing(Entry::name).thenComparing(PRECEDENCE));
    return new Resolved<>(List.copyOf(served), List.copyOf(conflicts));
  }

  private static String describe(String kind, String key) {
    if (key.startsWith("uri:")) {
      return kind + " URI " + key.substring(4);
    }
    return kind + " \"" + key.replaceFirst("^name:", "") + "\"";
  }
}
