package io.mcpoperator.gateway.aggregate;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The names (or URIs) the upstream server lists, per list, as last seen complete. An upstream
 * {@code notifications/*}{@code /list_changed} forgets them, so the next lookup lists again; a
 * listing that raced with such a notification is not kept. The last complete listing of each list
 * stays available as {@link #lastSeen} (for reporting, not routing) until the next one replaces it.
 */
final class UpstreamIds {
  private final Map<ListKind, Set<String>> known = new ConcurrentHashMap<>();
  private final Map<ListKind, Set<String>> lastSeen = new ConcurrentHashMap<>();
  private final AtomicLong generation = new AtomicLong();

  long generation() {
    return generation.get();
  }

  Optional<Set<String>> known(ListKind kind) {
    return Optional.ofNullable(known.get(kind));
  }

  /** The ids of the last complete listing of {@code kind}, kept across list_changed. */
  Set<String> lastSeen(ListKind kind) {
    return lastSeen.getOrDefault(kind, Set.of());
  }

  void remember(ListKind kind, Set<String> ids, long seenAtGeneration) {
    synchronized (known) {
      if (generation.get() == seenAtGeneration) {
        known.put(kind, Set.copyOf(ids));
        lastSeen.put(kind, Set.copyOf(ids));
      }
    }
  }

  /** The upstream said {@code notification} (e.g. notifications/tools/list_changed). */
  void changed(String notification) {
    for (ListKind kind : ListKind.values()) {
      if (kind.listChanged().equals(notification)) {
        synchronized (known) {
          generation.incrementAndGet();
          known.remove(kind);
        }
      }
    }
  }
}
