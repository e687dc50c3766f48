package io.mcpoperator.operator.mcpregistry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Full list, then updated_since with a skew; deletions drop entries; an outage keeps the last. */
class CatalogSyncTest {
  private LoopbackRegistry registry;
  private RegistryApi api;

  @BeforeEach
  void start() throws Exception {
    registry = LoopbackRegistry.withFixtures();
    api =
        new RegistryApi(
            RegistryApi.defaultHttp(),
            registry.uri(),
            "v0.1",
            Optional.empty(),
            Duration.ofSeconds(5),
            RequestObserver.NONE);
  }

  @AfterEach
  void stop() {
    registry.close();
  }

  @Test
  void firstAFullListThenOnlyChangesSinceTheWatermarkLessTheSkew() throws Exception {
    ApiSource source = new ApiSource(api, RegistryFilter.none());
    Catalog first = CatalogSync.next(Catalog.empty(), source, Duration.ofMinutes(5));

    assertThat(first.size()).isEqualTo(8);
    assertThat(first.knows("io.github.example/removed-tool")).isFalse();
    assertThat(first.watermark()).contains(Instant.parse("2025-12-12T09:00:00Z"));

    registry.add(
        LoopbackRegistry.synthetic(1, "2.0.0", Instant.parse("2026-01-01T00:00:00Z"), "active"));
    var deleted = LoopbackRegistry.fixture("playwright-mcp");
    deleted
        .getAsJsonObject("_meta")
        .getAsJsonObject(RegistryEntry.OFFICIAL)
        .addProperty("status", "deleted");
    deleted
        .getAsJsonObject("_meta")
        .getAsJsonObject(RegistryEntry.OFFICIAL)
        .addProperty("updatedAt", "2026-01-02T00:00:00Z");
    registry.add(deleted);

    Catalog second = CatalogSync.next(first, source, Duration.ofMinutes(5));

    assertThat(registry.requests().getLast().getRawQuery())
        .isEqualTo("limit=100&updated_since=2025-12-12T08%3A55%3A00Z");
    assertThat(second.knows("io.example.synthetic/server-00001")).isTrue();
    assertThat(second.knows("io.github.microsoft/playwright-mcp")).isFalse();
    assertThat(second.size()).isEqualTo(8);
    assertThat(second.watermark()).contains(Instant.parse("2026-01-02T00:00:00Z"));
  }

  @Test
  void anOutageThrowsAndTheCallerKeepsTheLastGoodCatalog() throws Exception {
    ApiSource source = new ApiSource(api, RegistryFilter.none());
    Catalog good = CatalogSync.next(Catalog.empty(), source, CatalogSync.DEFAULT_SKEW);
    registry.failWith(500);

    assertThatThrownBy(() -> CatalogSync.next(good, source, CatalogSync.DEFAULT_SKEW))
        .isInstanceOf(RegistryApiException.class);
    assertThat(good.find("io.github.github/github-mcp-server", "latest"))
        .map(RegistryEntry::version)
        .contains("0.20.1");
  }

  @Test
  void filtersByGlobStatusTypeAndLatest() throws Exception {
    Catalog catalog =
        CatalogSync.next(Catalog.empty(), new ApiSource(api, RegistryFilter.none()), Duration.ZERO);

    assertThat(
            catalog.select(
                new RegistryFilter(
                    List.of("io.github.*"),
                    List.of("*/legacy-*"),
                    Optional.empty(),
                    true,
                    Set.of("active"),
                    Set.of("oci", "remote"))))
        .extracting(RegistryEntry::key)
        .containsExactly(
            "io.github.github/github-mcp-server@0.20.1",
            "io.github.mongodb-js/mongodb-mcp-server@1.2.0",
            "io.github.user/remote-weather@2.1.0+build.7");
    assertThat(catalog.select(RegistryFilter.none())).hasSize(8);
    assertThat(
            catalog.select(
                new RegistryFilter(
                    List.of(), List.of(), Optional.empty(), false, Set.of("deprecated"), Set.of())))
        .extracting(RegistryEntry::name)
        .containsExactly("io.github.example/legacy-notes");
  }

  @Test
  void theCacheCodecRoundTripsTenThousandEntriesInFewChunks() {
    List<RegistryEntry> entries =
        LoopbackRegistry.synthetic(10_000, Instant.parse("2026-01-01T00:00:00Z")).stream()
            .map(json -> new com.google.gson.Gson().fromJson(json, RegistryEntry.class))
            .toList();
    Catalog catalog = Catalog.of(entries);

    List<byte[]> chunks = CatalogCodec.encode(catalog);

    assertThat(chunks)
        .allSatisfy(c -> assertThat(c.length).isLessThanOrEqualTo(CatalogCodec.CHUNK));
    Catalog decoded = CatalogCodec.decode(chunks).orElseThrow();
    assertThat(decoded.size()).isEqualTo(10_000);
    assertThat(decoded.watermark()).isEqualTo(catalog.watermark());
    assertThat(decoded.equals(catalog)).as("decoded catalog equals the encoded one").isTrue();
    assertThat(CatalogCodec.decode(List.of(new byte[] {1, 2, 3}))).isEmpty();
  }

  @Test
  void aConfigMapSourceReadsAServerListOrServerJson() throws Exception {
    String list =
        "{\"servers\":[" + LoopbackRegistry.fixture("playwright-mcp") + "],\"metadata\":{}}";
    String serverJson = "[" + LoopbackRegistry.fixture("playwright-mcp").get("server") + "]";

    assertThat(new ConfigMapSource(list, ConfigMapSource.Format.SERVER_LIST, "cm").all())
        .extracting(RegistryEntry::key)
        .containsExactly("io.github.microsoft/playwright-mcp@0.1.0");
    assertThat(new ConfigMapSource(serverJson, ConfigMapSource.Format.SERVER_JSON, "cm").all())
        .extracting(RegistryEntry::key, RegistryEntry::status)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "io.github.microsoft/playwright-mcp@0.1.0", "active"));
    assertThatThrownBy(
            () ->
                new ConfigMapSource(
                        "[1]", ConfigMapSource.Format.SERVER_LIST, "configmap a/b key k")
                    .all())
        .isInstanceOfSatisfying(
            RegistryApiException.class,
            e -> assertThat(e.kind()).isEqualTo(RegistryApiException.Kind.INVALID_DATA))
        .hasMessageContaining("configmap a/b key k is not serverList JSON");
  }
}
