package io.mcpoperator.operator.mcpregistry;

import java.util.Optional;

/** How one sync of an MCPRegistry went. */
public sealed interface SyncOutcome {
  /** Synced: {@code servers} entries kept after the filter. */
  record Synced(int servers) implements SyncOutcome {}

  /**
   * Failed with {@code reason} (RegistryUnavailable, InvalidRegistryData, SourceNotFound); {@code
   * cachedServers} is what the last good data still holds, if there is any.
   */
  record Failed(String reason, String message, Optional<Integer> cachedServers)
      implements SyncOutcome {}
}
