package io.mcpoperator.operator.mcpregistry;

import java.time.Instant;
import java.util.List;

/** Where a registry's entries come from: the v0.1 API, or a ConfigMap. */
public interface RegistrySource {

  /** Every entry (deleted ones need not be included). */
  List<RegistryEntry> all() throws RegistryApiException;

  /** The entries changed after {@code since}, deleted ones included; or all, if it cannot tell. */
  List<RegistryEntry> changedSince(Instant since) throws RegistryApiException;

  /** True when {@link #changedSince} answers only changes (so a merge is right, not a replace). */
  boolean incremental();
}
