package io.mcpoperator.operator.mcpregistry;

import java.util.List;
import java.util.Optional;

/**
 * Resolves a server by name and version in a registry's catalog, then maps it (pure): the part of
 * {@code MCPServer.spec.registry} that needs no cluster. {@code catalog} is empty when the registry
 * has no data yet.
 */
public final class RegistryLookup {
  private final EntryMapping mapping;

  public RegistryLookup(EntryMapping mapping) {
    this.mapping = mapping;
  }

  public Resolution resolve(
      String registry,
      Optional<Catalog> catalog,
      String name,
      String version,
      List<PackageType> preference,
      Inputs inputs) {
    if (catalog.isEmpty()) {
      return new Resolution.Refused(
          ResolveReason.REGISTRY_UNAVAILABLE,
          "registry \"" + registry + "\" has no data yet (its first sync has not succeeded)");
    }
    if (!catalog.get().knows(name)) {
      return new Resolution.Refused(
          ResolveReason.SERVER_NOT_FOUND,
          "server \"" + name + "\" not found in registry \"" + registry + "\"");
    }
    Optional<RegistryEntry> entry = catalog.get().find(name, version);
    if (entry.isEmpty()) {
      List<String> known =
          catalog.get().byKey().values().stream()
              .filter(e -> e.name().equals(name))
              .map(RegistryEntry::version)
              .toList();
      return new Resolution.Refused(
          ResolveReason.VERSION_NOT_FOUND,
          "server \""
              + name
              + "\" has no version "
              + version
              + " in registry \""
              + registry
              + "\" (known: "
              + String.join(", ", known)
              + ")");
    }
    return mapping.resolve(entry.get(), preference, inputs);
  }
}
