package io.mcpoperator.mcp.session;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/** {@link ResourceSubscriptions} in this JVM: for one replica (listeners hear at once). */
public final class LocalSubscriptions implements ResourceSubscriptions {
  private final Map<String, Set<String>> byUri = new HashMap<>();
  private final Map<String, Set<String>> bySession = new HashMap<>();
  private final List<Listener> listeners = new CopyOnWriteArrayList<>();
  // changes and the listeners hearing of them go one at a time, so the listeners hear "followed"
  // and "abandoned" of a resource in the order the changes happened (a last unsubscribe racing a
  // first subscribe must not leave the upstream unsubscribed while someone follows)
  private final Object order = new Object();

  @Override
  public boolean subscribe(String uri, String sessionId) {
    synchronized (order) {
      boolean first;
      synchronized (this) {
        bySession.computeIfAbsent(sessionId, s -> new HashSet<>()).add(uri);
        Set<String> sessions = byUri.computeIfAbsent(uri, u -> new HashSet<>());
        first = sessions.isEmpty();
        sessions.add(sessionId);
      }
      if (first) {
        listeners.forEach(l -> l.followed(uri));
      }
      return first;
    }
  }

  @Override
  public boolean unsubscribe(String uri, String sessionId) {
    synchronized (order) {
      boolean last;
      synchronized (this) {
        last = remove(uri, sessionId);
        Set<String> uris = bySession.get(sessionId);
        if (uris != null && uris.remove(uri) && uris.isEmpty()) {
          bySession.remove(sessionId);
        }
      }
      if (last) {
        listeners.forEach(l -> l.abandoned(uri));
      }
      return last;
    }
  }

  /** Removes one subscriber; true when it was the last. Caller holds the lock. */
  private boolean remove(String uri, String sessionId) {
    Set<String> sessions = byUri.get(uri);
    if (sessions == null || !sessions.remove(sessionId)) {
      return false;
    }
    if (sessions.isEmpty()) {
      byUri.remove(uri);
      return true;
    }
    return false;
  }

  @Override
  public void sessionEnded(String sessionId) {
    synchronized (order) {
      List<String> abandoned = new ArrayList<>();
      synchronized (this) {
        Set<String> uris = bySession.remove(sessionId);
        if (uris == null) {
          return;
        }
        for (String uri : uris) {
          if (remove(uri, sessionId)) {
            abandoned.add(uri);
          }
        }
      }
      abandoned.forEach(uri -> listeners.forEach(l -> l.abandoned(uri)));
    }
  }

  @Override
  public synchronized Set<String> subscribers(String uri) {
    return Set.copyOf(byUri.getOrDefault(uri, Set.of()));
  }

  @Override
  public synchronized Set<String> uris() {
    return Set.copyOf(byUri.keySet());
  }

  @Override
  public Registration listen(Listener listener) {
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }
}
