package io.mcpoperator.operator.mcpregistry;

import java.time.Instant;
import java.util.Optional;

/**
 * The query parameters of {@code GET /v0.1/servers}: {@code search} (substring of the name), {@code
 * updated_since} (which makes the registry include deleted versions), {@code version=latest} and
 * the page size {@code limit} (1 to 100).
 */
public record ListQuery(
    Optional<String> search, Optional<Instant> updatedSince, boolean latestOnly, int limit) {

  public static final int MAX_LIMIT = 100;

  public ListQuery {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT + ", got " + limit);
    }
  }

  /** Every server, 100 per page. */
  public static ListQuery all() {
    return new ListQuery(Optional.empty(), Optional.empty(), false, MAX_LIMIT);
  }

  public ListQuery search(String text) {
    return new ListQuery(Optional.of(text), updatedSince, latestOnly, limit);
  }

  public ListQuery updatedSince(Instant since) {
    return new ListQuery(search, Optional.of(since), latestOnly, limit);
  }

  public ListQuery latestOnly(boolean latest) {
    return new ListQuery(search, updatedSince, latest, limit);
  }

  public ListQuery limit(int size) {
    return new ListQuery(search, updatedSince, latestOnly, size);
  }
}
