package io.mcpoperator.operator.e2e;

import com.google.gson.JsonObject;
import io.mcpoperator.operator.k8s.ResourceType;
import io.mcpoperator.operator.testing.ClusterUser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plays the kubelet for one ConfigMap volume: projects the ConfigMap's keys into a directory and
 * keeps them current the way kubelet's AtomicWriter does. Each version goes into a fresh hidden
 * directory {@code ..<n>}; the symlink {@code ..data} points at it and is replaced by one rename;
 * each key is a symlink {@code <key> -> ..data/<key>}. A reader sees the old or the new file, never
 * a mix, and a watcher of the directory sees only the swap. The API server is polled every 200 ms
 * (kubelet re-syncs volumes on its own period).
 */
final class ConfigMapVolume implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ConfigMapVolume.class);
  private final ClusterUser cluster;
  private final String namespace;
  private final String name;
  private final Path dir;
  private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor();
  private Map<String, String> projected = Map.of();
  private int versions;

  private ConfigMapVolume(ClusterUser cluster, String namespace, String name, Path dir) {
    this.cluster = cluster;
    this.namespace = namespace;
    this.name = name;
    this.dir = dir;
  }

  /** Projects the ConfigMap, which must exist, into {@code dir} and keeps it up to date. */
  static ConfigMapVolume mount(ClusterUser cluster, String namespace, String name, Path dir)
      throws IOException {
    Files.createDirectories(dir);
    ConfigMapVolume volume = new ConfigMapVolume(cluster, namespace, name, dir);
    if (!volume.sync()) {
      throw new IllegalStateException("no ConfigMap " + namespace + "/" + name);
    }
    volume.poller.scheduleWithFixedDelay(volume::syncLogged, 200, 200, TimeUnit.MILLISECONDS);
    return volume;
  }

  /** Where a key of the ConfigMap appears, as a container would see it. */
  Path file(String key) {
    return dir.resolve(key);
  }

  private void syncLogged() {
    try {
      sync();
    } catch (IOException | RuntimeException e) {
      LOG.warn("cannot project ConfigMap {}/{}: {}", namespace, name, e.toString());
    }
  }

  /** Writes a new version if the ConfigMap's data changed; false if the ConfigMap is absent. */
  private synchronized boolean sync() throws IOException {
    Optional<Map<String, String>> data = data();
    if (data.isEmpty()) {
      return false;
    }
    if (data.get().equals(projected)) {
      return true;
    }
    Path version =
        Files.createDirectory(dir.resolve("..%d_%d".formatted(++versions, System.nanoTime())));
    for (Map.Entry<String, String> key : data.get().entrySet()) {
      Files.writeString(version.resolve(key.getKey()), key.getValue());
    }
    Path staged = dir.resolve("..data_tmp");
    Files.deleteIfExists(staged);
    Files.createSymbolicLink(staged, version.getFileName());
    Path previous = dir.resolve("..data");
    Optional<Path> previousVersion =
        Files.isSymbolicLink(previous)
            ? Optional.of(dir.resolve(Files.readSymbolicLink(previous)))
            : Optional.empty();
    Files.move(staged, previous, StandardCopyOption.ATOMIC_MOVE);
    for (String key : data.get().keySet()) {
      Path link = dir.resolve(key);
      if (!Files.exists(link, LinkOption.NOFOLLOW_LINKS)) {
        Files.createSymbolicLink(link, Path.of("..data", key));
      }
    }
    if (previousVersion.isPresent()) {
      deleteTree(previousVersion.get());
    }
    projected = data.get();
    return true;
  }

  private Optional<Map<String, String>> data() {
    return cluster
        .get(ResourceType.CONFIG_MAP, namespace, name)
        .map(
            configMap -> {
              Map<String, String> data = new TreeMap<>();
              JsonObject entries =
                  configMap.has("data") ? configMap.getAsJsonObject("data") : new JsonObject();
              entries.entrySet().forEach(e -> data.put(e.getKey(), e.getValue().getAsString()));
              return data;
            });
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  /** Stops following the ConfigMap; the files stay. */
  @Override
  public void close() {
    poller.shutdownNow();
    try {
      poller.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
