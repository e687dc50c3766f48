package io.mcpoperator.operator.mcpregistry;

import java.time.Instant;
import java.util.List;

/**
 * The v0.1 API as a source: a full paged list (with the filter's {@code search} and {@code
 * latestOnly} passed on), then {@code updated_since}.
 */
public record ApiSource(RegistryApi api, RegistryFilter filter) implements RegistrySource {

  @Override
  public List<RegistryEntry> all() throws RegistryApiException {
    ListQuery query = ListQuery.all().latestOnly(filter.latestOnly());
    return api.list(filter.search().map(query::search).orElse(query));
  }

  @Override
  public List<RegistryEntry> changedSince(Instant since) throws RegistryApiException {
    ListQuery query = ListQuery.all().updatedSince(since);
    return api.list(filter.search().map(query::search).orElse(query));
  }

  @Override
  public boolean incremental() {
    return true;
  }
}
