package io.mcpoperator.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigWatcherTest {

  @Test
  void aConfigMapStyleSymlinkSwapIsNoticedAndBadContentIgnored(@TempDir Path dir) throws Exception {
    // the kubelet's layout: config.json -> ..data/config.json, ..data -> ..<timestamp>
    Path v1 = Files.createDirectory(dir.resolve("..v1"));
    Files.writeString(v1.resolve("config.json"), "{\"limits\":{\"maxConcurrentRequests\":1}}");
    Files.createSymbolicLink(dir.resolve("..data"), v1.getFileName());
    Files.createSymbolicLink(dir.resolve("config.json"), Path.of("..data/config.json"));
    List<GatewayConfig> seen = new CopyOnWriteArrayList<>();
    try (var watcher = new ConfigWatcher(dir.resolve("config.json"), seen::add)) {
      Path v2 = Files.createDirectory(dir.resolve("..v2"));
      Files.writeString(v2.resolve("config.json"), "{\"limits\":{\"maxConcurrentRequests\":2}}");
      Files.createSymbolicLink(dir.resolve("..data_tmp"), v2.getFileName());
      Files.move(
          dir.resolve("..data_tmp"),
          dir.resolve("..data"),
          java.nio.file.StandardCopyOption.ATOMIC_MOVE,
          java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      await().untilAsserted(() -> assertThat(seen).hasSize(1));
      assertThat(seen.getFirst().limits().maxConcurrentRequests()).isEqualTo(2);
      Files.writeString(v2.resolve("config.json"), "{broken");
      watcher.check();
      Files.writeString(v2.resolve("config.json"), "{\"limits\":{\"maxConcurrentRequests\":2}}");
      watcher.check();
      assertThat(seen).hasSize(1);
    }
  }
}
