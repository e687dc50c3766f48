package io.mcpoperator.operator.image;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The entrypoints of images, read from their registries off the reconcile: {@link #resolve} answers
 * at once from the cache (or {@code Resolving}) and reads in the background on a virtual thread;
 * the servers that asked are enqueued through the listener when the answer arrives or changes.
 *
 * <p>Answers are cached per image reference and pull secrets: a digest reference for good, a tag
 * for {@code tagTtl} (then read again while the old answer stays in effect, so a registry hiccup
 * never fails a running server), a failure for {@code failureTtl}.
 */
public final class ImageConfigs implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ImageConfigs.class);

  /** Default time a tag's answer is trusted. */
  public static final Duration TAG_TTL = Duration.ofMinutes(10);

  /** Default time before a failed read is tried again. */
  public static final Duration FAILURE_TTL = Duration.ofMinutes(1);

  private record Key(String image, String namespace, List<String> pullSecrets) {}

  private record Cached(Resolution resolution, Instant expires) {}

  private final EntrypointLookup lookup;
  private final PullSecrets secrets;
  private final Clock clock;
  private final Duration tagTtl;
  private final Duration failureTtl;
  private final Map<Key, Cached> cache = new ConcurrentHashMap<>();
  private final Set<Key> running = ConcurrentHashMap.newKeySet();
  private final Map<Key, Set<String>> waiting = new ConcurrentHashMap<>();
  private final Semaphore concurrent = new Semaphore(8);
  private volatile BiConsumer<String, String> listener = (namespace, name) -> {};
  private volatile boolean closed;

  public ImageConfigs(
      RegistryClient registry,
      PullSecrets secrets,
      Clock clock,
      Duration tagTtl,
      Duration failureTtl) {
    this.lookup = new EntrypointLookup(registry);
    this.secrets = secrets;
    this.clock = clock;
    this.tagTtl = tagTtl;
    this.failureTtl = failureTtl;
  }

  /** With the default TTLs. */
  public ImageConfigs(RegistryClient registry, PullSecrets secrets, Clock clock) {
    this(registry, secrets, clock, TAG_TTL, FAILURE_TTL);
  }

  /** Called with namespace and name when an answer a server waited for arrives or changes. */
  public void onResolved(BiConsumer<String, String> listener) {
    this.listener = listener;
  }

  /** How long a reconcile should wait before asking again about a failed image. */
  public Duration retryAfter() {
    return failureTtl;
  }

  /**
   * What is known about {@code image} for server {@code namespace/name}; never blocks. Anonymous
   * reads are shared by every namespace; reads with pull secrets are per namespace and secrets.
   */
  public Resolution resolve(String namespace, String name, String image, List<String> pullSecrets) {
    Key key =
        pullSecrets.isEmpty()
            ? new Key(image, "", List.of())
            : new Key(image, namespace, List.copyOf(pullSecrets));
    waiting.computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet()).add(namespace + "/" + name);
    Cached cached = cache.get(key);
    if (cached == null || !clock.instant().isBefore(cached.expires())) {
      start(key, namespace);
    }
    return cached == null ? Resolution.resolving(image) : cached.resolution();
  }

  /** Stops telling a deleted server about answers. */
  public void forget(String namespace, String name) {
    String server = namespace + "/" + name;
    waiting.values().forEach(servers -> servers.remove(server));
  }

  private void start(Key key, String namespace) {
    if (closed || !running.add(key)) {
      return;
    }
    Thread.ofVirtual()
        .name("image-config-" + key.image())
        .start(
            () -> {
              try {
                concurrent.acquire();
                try {
                  remember(key, read(key, namespace));
                } finally {
                  concurrent.release();
                }
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              } catch (RuntimeException e) {
                remember(
                    key,
                    Resolution.failed(
                        Resolution.Reason.REGISTRY_UNREACHABLE,
                        key.image(),
                        "cannot read the entrypoint of " + key.image() + ": " + e));
              } finally {
                running.remove(key);
              }
            });
  }

  /** Reads one image's config; the failure's message names the fix. */
  Resolution read(Key key, String namespace) {
    PullSecrets.Loaded loaded =
        key.pullSecrets().isEmpty()
            ? new PullSecrets.Loaded(List.of(), List.of())
            : secrets.load(namespace, key.pullSecrets());
    return lookup.read(
        key.image(),
        new RegistryCredentials(
            RegistryCredentials.PULL_SECRETS, loaded.configs(), loaded.problems()));
  }

  private void remember(Key key, Resolution resolution) {
    Instant now = clock.instant();
    Cached before = cache.get(key);
    if (resolution.failed()
        && before != null
        && before.resolution().reason() == Resolution.Reason.RESOLVED) {
      LOG.warn("keeping the entrypoint of {} read before: {}", key.image(), resolution.message());
      cache.put(key, new Cached(before.resolution(), now.plus(failureTtl)));
      return;
    }
    boolean digest = key.image().contains("@");
    Instant expires =
        resolution.failed() ? now.plus(failureTtl) : digest ? Instant.MAX : now.plus(tagTtl);
    cache.put(key, new Cached(resolution, expires));
    if (before == null || !before.resolution().equals(resolution)) {
      for (String server : waiting.getOrDefault(key, Set.of())) {
        int slash = server.indexOf('/');
        listener.accept(server.substring(0, slash), server.substring(slash + 1));
      }
    }
  }

  @Override
  public void close() {
    closed = true;
  }
}
