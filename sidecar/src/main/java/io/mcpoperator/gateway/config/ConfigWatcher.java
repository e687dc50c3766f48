package io.mcpoperator.gateway.config;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Re-reads the configuration file when anything in its directory changes. Kubernetes updates a
 * mounted ConfigMap by swapping a {@code ..data} symlink in the directory, so watching the file
 * itself would miss it. An invalid new file is logged and the running configuration kept.
 */
public final class ConfigWatcher implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ConfigWatcher.class);
  private final Path file;
  private final Consumer<GatewayConfig> onChange;
  private final WatchService watcher;
  private final Thread thread;
  private volatile String current;

  public ConfigWatcher(Path file, Consumer<GatewayConfig> onChange) throws IOException {
    this.file = file.toAbsolutePath();
    this.onChange = onChange;
    this.current = Files.readString(this.file);
    this.watcher = FileSystems.getDefault().newWatchService();
    this.file
        .getParent()
        .register(
            watcher,
            StandardWatchEventKinds.ENTRY_CREATE,
            StandardWatchEventKinds.ENTRY_MODIFY,
            StandardWatchEventKinds.ENTRY_DELETE);
    this.thread = Thread.ofVirtual().name("config-watcher").start(this::run);
  }

  private void run() {
    try {
      while (true) {
        var key = watcher.take();
        // let a burst of events (symlink swap, editor save) settle
        while (watcher.poll(200, TimeUnit.MILLISECONDS) != null) {
          // drain
        }
        key.pollEvents();
        key.reset();
        check();
      }
    } catch (InterruptedException | ClosedWatchServiceException e) {
      // closed
    }
  }

  /** Reads the file and reports a changed, valid configuration. */
  void check() {
    try {
      String text = Files.readString(file);
      if (text.equals(current)) {
        return;
      }
      GatewayConfig config = ConfigLoader.parse(text);
      current = text;
      LOG.info("configuration changed: {}", file);
      onChange.accept(config);
    } catch (IOException | IllegalArgumentException e) {
      LOG.warn("ignoring unreadable configuration {}: {}", file, e.getMessage());
    }
  }

  @Override
  public void close() {
    thread.interrupt();
    try {
      watcher.close();
    } catch (IOException e) {
      // closing
    }
  }
}
