package io.mcpoperator.operator.mcpregistry;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What the operator knows of a registry: its entries by {@code name@version}, and the watermark,
 * the newest {@code updatedAt} seen (the next sync asks for {@code updated_since} a little before
 * it). Immutable; {@link #merge} gives the next one.
 */
public record Catalog(Map<String, RegistryEntry> byKey, Optional<Instant> watermark) {

  public Catalog {
    byKey = java.util.Collections.unmodifiableMap(new TreeMap<>(byKey));
  }

  public static Catalog empty() {
    return new Catalog(Map.of(), Optional.empty());
  }

  /** A catalog of exactly {@code entries} (a full list); deleted ones are left out. */
  public static Catalog of(Collection<RegistryEntry> entries) {
    return empty().merge(entries);
  }

  /** This catalog with {@code changed} applied: a deleted version goes, any other is put. */
  public Catalog merge(Collection<RegistryEntry> changed) {
    Map<String, RegistryEntry> next = new HashMap<>(byKey);
    Optional<Instant> mark = watermark;
    for (RegistryEntry entry : changed) {
      if ("deleted".equals(entry.status())) {
        next.remove(entry.key());
      } else {
        next.put(entry.key(), entry);
      }
      Optional<Instant> updated = entry.updatedAt();
      if (updated.isPresent() && (mark.isEmpty() || updated.get().isAfter(mark.get()))) {
        mark = updated;
      }
    }
    return new Catalog(next, mark);
  }

  /**
   * The entries that pass {@code filter}; with {@code latestOnly}, per name the one the registry
   * marks latest (the most recently updated of those, or of all when none is marked).
   */
  public List<RegistryEntry> select(RegistryFilter filter) {
    List<RegistryEntry> kept = byKey.values().stream().filter(filter::keeps).toList();
    if (!filter.latestOnly()) {
      return kept;
    }
    Map<String, List<RegistryEntry>> byName = new TreeMap<>();
    kept.forEach(e -> byName.computeIfAbsent(e.name(), n -> new ArrayList<>()).add(e));
    Comparator<RegistryEntry> newest =
        Comparator.comparing((RegistryEntry e) -> e.latest())
            .thenComparing(e -> e.updatedAt().orElse(Instant.EPOCH));
    return byName.values().stream().map(versions -> versions.stream().max(newest).get()).toList();
  }

  /** One version of a server; {@code latest} names the version the registry marks latest. */
  public Optional<RegistryEntry> find(String name, String version) {
    if (!"latest".equals(version)) {
      return Optional.ofNullable(byKey.get(name + "@" + version));
    }
    return byKey.values().stream()
        .filter(e -> e.name().equals(name))
        .max(
            Comparator.comparing((RegistryEntry e) -> e.latest())
                .thenComparing(e -> e.updatedAt().orElse(Instant.EPOCH)));
  }

  /** True when some version of {@code name} is known. */
  public boolean knows(String name) {
    return byKey.values().stream().anyMatch(e -> e.name().equals(name));
  }

  public int size() {
    return byKey.size();
  }
}
