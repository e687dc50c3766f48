package io.mcpoperator.operator.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mcpoperator.operator.testing.LocalRegistry;
import io.mcpoperator.operator.testing.TestImages;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The asynchronous, cached resolver, against a real registry on loopback. */
class ImageConfigsIT {
  private static final Duration WAIT = Duration.ofSeconds(20);

  private final AtomicReference<Instant> now =
      new AtomicReference<>(Instant.parse("2026-12-06T00:00:00Z"));
  private final Clock clock =
      new Clock() {
        @Override
        public ZoneOffset getZone() {
          return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
          return this;
        }

        @Override
        public Instant instant() {
          return now.get();
        }
      };
  private final Set<String> enqueued = ConcurrentHashMap.newKeySet();
  private LocalRegistry registry;

  @AfterEach
  void stop() throws Exception {
    if (registry != null) {
      registry.close();
    }
  }

  private ImageConfigs configs(PullSecrets secrets) {
    ImageConfigs configs =
        new ImageConfigs(
            new RegistryClient(), secrets, clock, Duration.ofMinutes(10), Duration.ofMinutes(1));
    configs.onResolved((namespace, name) -> enqueued.add(namespace + "/" + name));
    return configs;
  }

  @Test
  void answersResolvingAtOnceThenEnqueuesEveryServerThatAskedAndServesTheCache() throws Exception {
    registry = LocalRegistry.start();
    registry.push("mcp/echo", "1", TestImages.oci(List.of("echo-server"), List.of("--stdio")));
    CountDownLatch secretsRead = new CountDownLatch(1);
    ImageConfigs configs =
        configs(
            (namespace, names) -> {
              try {
                secretsRead.await();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              return new PullSecrets.Loaded(List.of(), List.of());
            });
    String image = registry.address() + "/mcp/echo:1";

    // the read waits for the pull secrets: both servers ask while it is under way
    assertThat(configs.resolve("a", "one", image, List.of("s")).reason())
        .isEqualTo(Resolution.Reason.RESOLVING);
    assertThat(configs.resolve("a", "two", image, List.of("s")).reason())
        .isEqualTo(Resolution.Reason.RESOLVING);
    secretsRead.countDown();
    await().atMost(WAIT).until(() -> enqueued.equals(Set.of("a/one", "a/two")));

    Resolution resolved = configs.resolve("a", "one", image, List.of("s"));
    assertThat(resolved.reason()).isEqualTo(Resolution.Reason.RESOLVED);
    assertThat(resolved.config().orElseThrow().commandLine(List.of()))
        .containsExactly("echo-server", "--stdio");

    // the registry going away does not fail a tag read before, even after its TTL
    registry.close();
    registry = null;
    enqueued.clear();
    now.set(now.get().plus(Duration.ofMinutes(11)));
    assertThat(configs.resolve("a", "one", image, List.of("s"))).isEqualTo(resolved);
    Thread.sleep(500);
    assertThat(configs.resolve("a", "one", image, List.of("s"))).isEqualTo(resolved);
    assertThat(enqueued).isEmpty();
  }

  @Test
  void failuresSayWhyAndAreReadAgainAfterTheirTtl() throws Exception {
    registry = LocalRegistry.start();
    registry.push("mcp/empty", "1", TestImages.oci(null, null));
    ImageConfigs configs = configs(PullSecrets.NONE);

    String empty = registry.address() + "/mcp/empty:1";
    configs.resolve("a", "empty", empty, List.of());
    await().atMost(WAIT).until(() -> enqueued.contains("a/empty"));
    Resolution none = configs.resolve("a", "empty", empty, List.of());
    assertThat(none.reason()).isEqualTo(Resolution.Reason.NO_ENTRYPOINT);
    assertThat(none.message()).contains("defines neither ENTRYPOINT nor CMD");

    String later = registry.address() + "/mcp/later:1";
    configs.resolve("a", "later", later, List.of());
    await().atMost(WAIT).until(() -> enqueued.contains("a/later"));
    assertThat(configs.resolve("a", "later", later, List.of()).reason())
        .isEqualTo(Resolution.Reason.NOT_FOUND);

    registry.push("mcp/later", "1", TestImages.oci(List.of("srv"), List.of()));
    enqueued.clear();
    assertThat(configs.resolve("a", "later", later, List.of()).reason())
        .as("within the failure TTL the cached answer stands")
        .isEqualTo(Resolution.Reason.NOT_FOUND);
    now.set(now.get().plus(Duration.ofMinutes(2)));
    configs.resolve("a", "later", later, List.of());
    await().atMost(WAIT).until(() -> enqueued.contains("a/later"));
    assertThat(configs.resolve("a", "later", later, List.of()).reason())
        .isEqualTo(Resolution.Reason.RESOLVED);

    assertThat(configs.resolve("a", "bad", "Not An Image", List.of()).reason())
        .isEqualTo(Resolution.Reason.RESOLVING);
    await().atMost(WAIT).until(() -> enqueued.contains("a/bad"));
    assertThat(configs.resolve("a", "bad", "Not An Image", List.of()).message())
        .contains("is empty or has spaces");
  }

  @Test
  void readsWithTheCredentialOfThePullSecretAndNamesSecretsItCannotRead() throws Exception {
    registry =
        LocalRegistry.startWithBasicAuth(
            RegistryClientIT.HTPASSWD, RegistryClientIT.PULLER.basic());
    registry.push("private/srv", "1", TestImages.oci(List.of("srv"), List.of("--stdio")));
    String auth =
        Base64.getEncoder().encodeToString("puller:s3cret".getBytes(StandardCharsets.UTF_8));
    byte[] dockerConfig =
        ("{\"auths\": {\"" + registry.address() + "\": {\"auth\": \"" + auth + "\"}}}")
            .getBytes(StandardCharsets.UTF_8);
    PullSecrets secrets =
        (namespace, names) ->
            names.contains("pull") && namespace.equals("team")
                ? new PullSecrets.Loaded(List.of(dockerConfig), List.of())
                : new PullSecrets.Loaded(
                    List.of(),
                    List.of("Secret " + namespace + "/" + names.get(0) + " does not exist"));
    ImageConfigs configs = configs(secrets);
    String image = registry.address() + "/private/srv:1";

    configs.resolve("team", "ok", image, List.of("pull"));
    configs.resolve("other", "missing", image, List.of("gone"));
    await().atMost(WAIT).until(() -> enqueued.containsAll(Set.of("team/ok", "other/missing")));

    assertThat(configs.resolve("team", "ok", image, List.of("pull")).reason())
        .isEqualTo(Resolution.Reason.RESOLVED);
    Resolution refused = configs.resolve("other", "missing", image, List.of("gone"));
    assertThat(refused.reason()).isEqualTo(Resolution.Reason.UNAUTHORIZED);
    assertThat(refused.message()).contains("Secret other/gone does not exist");
  }
}
