package io.mcpoperator.operator.mcpregistry;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Sync time and heap of an MCPRegistry's catalog for N entries served by the loopback registry (a
 * measurement, not a timed test; run by hack/bench/registry.sh, excluded from the normal run by its
 * name). Per size: the full paged list (100 per page) into a Catalog, the incremental sync with no
 * changes (updated_since), the cache encoding (gzip chunks), and the live heap the catalog holds
 * (after GC, with and without it). Writes {@code bench.out}.
 */
class RegistryBench {
  private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

  @Test
  void syncTimeAndHeapPerCatalogSize() throws Exception {
    int rounds = Integer.getInteger("bench.rounds", 3);
    StringBuilder out = new StringBuilder();
    out.append("# MCPRegistry sync: time and heap against the loopback v0.1 registry\n\n")
        .append("JDK ")
        .append(Runtime.version())
        .append(", ")
        .append(Runtime.getRuntime().availableProcessors())
        .append(" CPUs, -Xmx ")
        .append(Runtime.getRuntime().maxMemory() / (1024 * 1024))
        .append(" MiB. ")
        .append(
            "Synthetic npm entries (LoopbackRegistry.synthetic, ~0.6 KB JSON each), pages of 100, ")
        .append("median of ")
        .append(rounds)
        .append(" rounds after one warm-up.\n\n")
        .append(
            "| entries | full sync | incremental (5 changed) | encode | cache (gzip) | ConfigMaps | catalog heap |\n")
        .append("|---:|---:|---:|---:|---:|---:|---:|\n");
    for (int size : List.of(1_000, 10_000)) {
      out.append(measure(size, rounds)).append('\n');
    }
    out.append("\nHeap is the live heap after GC with the catalog held minus without it. ")
        .append("Full sync includes HTTP on loopback and Gson parsing; the registry's own JSON ")
        .append("building is in the same JVM and included.\n");
    Path file = Path.of(System.getProperty("bench.out", "../hack/bench/results/registry.md"));
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.writeString(file, out.toString());
    System.out.println(out);
  }

  private static String measure(int size, int rounds) throws IOException, RegistryApiException {
    try (LoopbackRegistry registry = LoopbackRegistry.empty()) {
      Instant base = Instant.parse("2026-01-01T00:00:00Z");
      List<com.google.gson.JsonObject> entries = new java.util.ArrayList<>();
      for (int i = 0; i < size; i++) {
        entries.add(
            LoopbackRegistry.synthetic(i, "1.0." + (i % 7), base.plusSeconds(60L * i), "active"));
      }
      registry.addAll(entries);
      RegistryApi api =
          new RegistryApi(
              RegistryApi.defaultHttp(),
              registry.uri(),
              "v0.1",
              Optional.empty(),
              Duration.ofSeconds(30),
              RequestObserver.NONE);
      ApiSource source = new ApiSource(api, RegistryFilter.none());
      CatalogSync.next(Catalog.empty(), source, CatalogSync.DEFAULT_SKEW);
      long[] full = new long[rounds];
      long[] incremental = new long[rounds];
      long[] encode = new long[rounds];
      Catalog catalog = null;
      List<byte[]> chunks = List.of();
      for (int i = 0; i < rounds; i++) {
        long t0 = System.nanoTime();
        catalog = CatalogSync.next(Catalog.empty(), source, CatalogSync.DEFAULT_SKEW);
        long t1 = System.nanoTime();
        CatalogSync.next(catalog, source, CatalogSync.DEFAULT_SKEW);
        long t2 = System.nanoTime();
        chunks = CatalogCodec.encode(catalog);
        long t3 = System.nanoTime();
        full[i] = t1 - t0;
        incremental[i] = t2 - t1;
        encode[i] = t3 - t2;
      }
      long with = liveHeap();
      int kept = catalog.size();
      catalog = null;
      long without = liveHeap();
      long bytes = chunks.stream().mapToLong(c -> c.length).sum();
      return "| %,d | %d ms | %d ms | %d ms | %,d KiB | %d | %.1f MiB |"
          .formatted(
              kept,
              median(full) / 1_000_000,
              median(incremental) / 1_000_000,
              median(encode) / 1_000_000,
              bytes / 1024,
              chunks.size(),
              (with - without) / (1024.0 * 1024.0));
    }
  }

  private static long liveHeap() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return MEMORY.getHeapMemoryUsage().getUsed();
  }

  private static long median(long[] values) {
    long[] sorted = values.clone();
    java.util.Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
