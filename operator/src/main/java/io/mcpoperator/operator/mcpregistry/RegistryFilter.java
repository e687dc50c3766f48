package io.mcpoperator.operator.mcpregistry;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code MCPRegistry.spec.filter}: name globs to include (none: all) and exclude, a {@code search}
 * passed to the registry, {@code latestOnly}, the statuses kept (default active and deprecated) and
 * the package types kept (none: all; {@code remote} keeps entries with remotes).
 */
public record RegistryFilter(
    List<String> include,
    List<String> exclude,
    Optional<String> search,
    boolean latestOnly,
    Set<String> statuses,
    Set<String> packageTypes) {

  public static final Set<String> DEFAULT_STATUSES = Set.of("active", "deprecated");

  public RegistryFilter {
    include = List.copyOf(include);
    exclude = List.copyOf(exclude);
    statuses = statuses.isEmpty() ? DEFAULT_STATUSES : Set.copyOf(statuses);
    packageTypes = Set.copyOf(packageTypes);
  }

  public static RegistryFilter none() {
    return new RegistryFilter(List.of(), List.of(), Optional.empty(), false, Set.of(), Set.of());
  }

  /** True when the entry passes every part of the filter but {@code latestOnly}. */
  public boolean keeps(RegistryEntry entry) {
    String name = entry.name();
    if (!include.isEmpty() && include.stream().map(NameGlob::of).noneMatch(g -> g.matches(name))) {
      return false;
    }
    if (exclude.stream().map(NameGlob::of).anyMatch(g -> g.matches(name))) {
      return false;
    }
    if (search.isPresent() && !name.contains(search.get())) {
      return false;
    }
    if (!statuses.contains(entry.status())) {
      return false;
    }
    return packageTypes.isEmpty() || offers(entry);
  }

  private boolean offers(RegistryEntry entry) {
    boolean remote = packageTypes.contains("remote") && !entry.server().remotes().isEmpty();
    return remote
        || entry.server().packages().stream()
            .anyMatch(p -> packageTypes.contains(p.registryType()));
  }
}
