package io.mcpoperator.operator.mcpregistry;

import java.util.List;
import java.util.Optional;

/** One page of {@code GET /v0.1/servers}: its entries and the cursor of the next page. */
public record ServerList(List<RegistryEntry> servers, Metadata metadata) {

  public List<RegistryEntry> servers() {
    return servers == null ? List.of() : servers;
  }

  /** The cursor of the next page; absent on the last. */
  public Optional<String> nextCursor() {
    return Optional.ofNullable(metadata)
        .map(Metadata::nextCursor)
        .filter(cursor -> !cursor.isBlank());
  }

  /** {@code metadata}: {@code nextCursor} and {@code count}. */
  public record Metadata(String nextCursor, Integer count) {}
}
