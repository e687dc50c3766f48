package io.mcpoperator.mcp.session;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Sessions and their event logs in this JVM: for a single replica. Sessions idle longer than the
 * timeout (no request and no open stream) are evicted; each session keeps its newest {@code
 * eventCap} events for resumption.
 */
public final class InMemorySessionStore implements SessionStore {
  private final Map<String, Entry> sessions = new ConcurrentHashMap<>();
  private final Duration idleTimeout;
  private final int eventCap;
  private final Clock clock;
  private final ScheduledExecutorService sweeper;
  private final List<Consumer<String>> endListeners = new CopyOnWriteArrayList<>();
  private final LocalSubscriptions subscriptions = new LocalSubscriptions();

  public InMemorySessionStore(Duration idleTimeout, int eventCap, Clock clock) {
    this.idleTimeout = idleTimeout;
    this.eventCap = eventCap;
    this.clock = clock;
    this.sweeper = null;
  }

  private InMemorySessionStore(Duration idleTimeout, int eventCap) {
    this.idleTimeout = idleTimeout;
    this.eventCap = eventCap;
    this.clock = Clock.systemUTC();
    this.sweeper =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofVirtual().name("session-sweeper").factory());
  }

  /** A store that evicts idle sessions in the background. */
  public static InMemorySessionStore withSweeper(Duration idleTimeout, int eventCap) {
    var store = new InMemorySessionStore(idleTimeout, eventCap);
    long period = Math.max(1, Math.min(30, idleTimeout.toSeconds() / 4));
    store.sweeper.scheduleWithFixedDelay(store::evictIdle, period, period, TimeUnit.SECONDS);
    return store;
  }

  @Override
  public void create(SessionRecord record) {
    sessions.put(record.id(), new Entry(record, clock.millis()));
  }

  @Override
  public Optional<SessionRecord> find(String id) {
    Entry entry = sessions.get(id);
    if (entry == null) {
      return Optional.empty();
    }
    if (entry.expired(clock.millis(), idleTimeout.toMillis())) {
      delete(id);
      return Optional.empty();
    }
    entry.lastAccess = clock.millis();
    return Optional.of(entry.record);
  }

  @Override
  public void update(SessionRecord record) {
    Entry entry = sessions.get(record.id());
    if (entry != null) {
      entry.record = record;
    }
  }

  @Override
  public boolean delete(String id) {
    Entry entry = sessions.remove(id);
    if (entry == null) {
      return false;
    }
    entry.closeAll();
    subscriptions.sessionEnded(id);
    endListeners.forEach(l -> l.accept(id));
    return true;
  }

  @Override
  public List<SessionRecord> live() {
    long now = clock.millis();
    return sessions.values().stream()
        .filter(e -> !e.expired(now, idleTimeout.toMillis()))
        .map(e -> e.record)
        .toList();
  }

  @Override
  public Set<String> firstNotice(String topic, String version, Collection<String> sessionIds) {
    Set<String> fresh = new LinkedHashSet<>();
    for (String id : sessionIds) {
      Entry entry = sessions.get(id);
      if (entry != null && entry.notice(topic, version)) {
        fresh.add(id);
      }
    }
    return fresh;
  }

  @Override
  public ResourceSubscriptions subscriptions() {
    return subscriptions;
  }

  /** Removes sessions idle longer than the timeout; returns how many. */
  public int evictIdle() {
    long now = clock.millis();
    int evicted = 0;
    for (var e : sessions.entrySet()) {
      if (e.getValue().expired(now, idleTimeout.toMillis()) && delete(e.getKey())) {
        evicted++;
      }
    }
    return evicted;
  }

  @Override
  public StoredEvent append(String sessionId, String streamId, String data, boolean last) {
    Entry entry = sessions.get(sessionId);
    if (entry == null) {
      return new StoredEvent(streamId + ".0", streamId, data, last);
    }
    return entry.append(streamId, data, last, eventCap);
  }

  @Override
  public List<StoredEvent> replay(String sessionId, String lastEventId) {
    Entry entry = sessions.get(sessionId);
    Optional<String> stream = StoredEvent.streamOf(lastEventId);
    if (entry == null || stream.isEmpty()) {
      return List.of();
    }
    return entry.after(stream.get(), sequenceOf(lastEventId));
  }

  @Override
  public Subscription subscribe(String sessionId, String streamId, EventListener listener) {
    Entry entry = sessions.get(sessionId);
    if (entry == null) {
      listener.onClosed();
      return () -> {};
    }
    entry.subscribe(streamId, listener);
    return () -> entry.unsubscribe(streamId, listener);
  }

  @Override
  public void onSessionEnd(Consumer<String> listener) {
    endListeners.add(listener);
  }

  @Override
  public long size() {
    return sessions.size();
  }

  @Override
  public void close() {
    if (sweeper != null) {
      sweeper.shutdownNow();
    }
    sessions.keySet().forEach(this::delete);
  }

  private static long sequenceOf(String eventId) {
    try {
      return Long.parseLong(eventId.substring(eventId.lastIndexOf('.') + 1));
    } catch (NumberFormatException e) {
      return Long.MAX_VALUE;
    }
  }

  private static final class Entry {
    private volatile SessionRecord record;
    private volatile long lastAccess;
    private final ArrayDeque<StoredEvent> events = new ArrayDeque<>();
    private final Map<String, EventListener> listeners = new HashMap<>();
    private final Map<String, String> notices = new HashMap<>();
    private long sequence;

    Entry(SessionRecord record, long now) {
      this.record = record;
      this.lastAccess = now;
    }

    /** True when {@code version} is news for this session (and now recorded). */
    synchronized boolean notice(String topic, String version) {
      return !version.equals(notices.put(topic, version));
    }

    synchronized boolean expired(long now, long idleMillis) {
      return listeners.isEmpty() && now - lastAccess > idleMillis;
    }

    StoredEvent append(String streamId, String data, boolean last, int cap) {
      EventListener listener;
      StoredEvent event;
      synchronized (this) {
        event = new StoredEvent(streamId + "." + ++sequence, streamId, data, last);
        events.addLast(event);
        while (events.size() > cap) {
          events.removeFirst();
        }
        listener = listeners.get(streamId);
        if (last) {
          listeners.remove(streamId);
        }
      }
      if (listener != null) {
        listener.onEvent(event);
      }
      return event;
    }

    synchronized List<StoredEvent> after(String streamId, long sequenceExclusive) {
      List<StoredEvent> out = new ArrayList<>();
      for (StoredEvent e : events) {
        if (e.streamId().equals(streamId) && sequenceOf(e.id()) > sequenceExclusive) {
          out.add(e);
        }
      }
      return out;
    }

    void subscribe(String streamId, EventListener listener) {
      EventListener previous;
      synchronized (this) {
        previous = listeners.put(streamId, listener);
      }
      if (previous != null && previous != listener) {
        previous.onClosed();
      }
    }

    synchronized void unsubscribe(String streamId, EventListener listener) {
      listeners.remove(streamId, listener);
    }

    void closeAll() {
      List<EventListener> all;
      synchronized (this) {
        all = new ArrayList<>(listeners.values());
        listeners.clear();
      }
      all.forEach(EventListener::onClosed);
    }
  }
}
