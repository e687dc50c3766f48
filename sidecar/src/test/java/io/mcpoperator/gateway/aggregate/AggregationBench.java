package io.mcpoperator.gateway.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcpoperator.gateway.aggregate.limits.InMemoryRateLimiter;
import io.mcpoperator.gateway.aggregate.limits.InMemoryResponseCache;
import io.mcpoperator.gateway.config.ConfigLoader;
import io.mcpoperator.mcp.jsonrpc.Json;
import io.mcpoperator.mcp.testing.RawClient;
import io.mcpoperator.mcp.testing.TestServer;
import io.mcpoperator.mcp.transport.McpHttpEndpoint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.IntConsumer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Measures (never asserts) what aggregation costs: {@code tools/call} of an HTTP tool through the
 * gateway against the same backend called directly, an MCP request that calls no backend
 * (prompts/get) for the gateway's own share, and the response cache's hit ratio in a repeat-call
 * run. Not part of the normal test run (no Test/IT suffix); run it with hack/bench/aggregation.sh.
 */
@Tag("bench")
class AggregationBench {
  private static final int WARMUP = Integer.getInteger("bench.warmup", 3000);
  private static final int ROUNDS = Integer.getInteger("bench.rounds", 5);
  private static final int PER_ROUND = Integer.getInteger("bench.calls", 1000);
  private static final int CACHE_CALLS = Integer.getInteger("bench.cacheCalls", 5000);
  private static final int CITIES = Integer.getInteger("bench.cities", 50);

  @Test
  void measure() throws Exception {
    var metrics = new AggregateMetrics();
    try (var service = new ToolBackendServer();
        var gateway =
            new TestServer(
                McpHttpEndpoint.builder()
                    .backend(
                        new CompositeBackend(
                            Optional.empty(),
                            Json.object().add("name", "bench").add("version", "1").build(),
                            AggregateConfig.of(ConfigLoader.parse(service.config())),
                            new Outbound(
                                new WebClientSender(1 << 20),
                                new InMemoryResponseCache(10_000),
                                new InMemoryRateLimiter(),
                                name -> Optional.of("Bearer bench"),
                                metrics)))
                    .build())) {
      var direct = new RawClient(service.baseUri());
      var mcp = new RawClient(gateway.baseUri());
      Map<String, String> session = Map.of("Mcp-Session-Id", mcp.initialize("2025-06-18"));
      String body = "{\"text\":\"hello\",\"to\":\"de\"}";
      IntConsumer directCall =
          i ->
              check(
                  direct
                      .send("POST", "/translate", Map.of("Content-Type", "application/json"), body)
                      .statusCode());
      IntConsumer toolCall =
          i ->
              check(
                  mcp.post(
                          session,
                          rpc(
                              i,
                              "tools/call",
                              "{\"name\":\"translate\",\"arguments\":" + body + "}"))
                      .statusCode());
      IntConsumer promptCall =
          i ->
              check(
                  mcp.post(
                          session,
                          rpc(
                              i,
                              "prompts/get",
                              "{\"name\":\"summarize\",\"arguments\":{\"text\":\"x\"}}"))
                      .statusCode());

      for (IntConsumer c : new IntConsumer[] {directCall, toolCall, promptCall}) {
        for (int i = 0; i < WARMUP; i++) {
          c.accept(i);
        }
      }
      long[][] samples = new long[3][ROUNDS * PER_ROUND];
      for (int r = 0; r < ROUNDS; r++) {
        int k = 0;
        for (IntConsumer c : new IntConsumer[] {directCall, toolCall, promptCall}) {
          for (int i = 0; i < PER_ROUND; i++) {
            long t0 = System.nanoTime();
            c.accept(i);
            samples[k][r * PER_ROUND + i] = System.nanoTime() - t0;
          }
          k++;
        }
      }

      long hits0 = metrics.cacheHits();
      long misses0 = metrics.cacheMisses();
      int backend0 = service.forecastCalls.get();
      var random = new Random(42);
      long[] cached = new long[CACHE_CALLS];
      for (int i = 0; i < CACHE_CALLS; i++) {
        String args = "{\"city\":\"city-" + random.nextInt(CITIES) + "\"}";
        long t0 = System.nanoTime();
        var res =
            mcp.post(
                session,
                rpc(i, "tools/call", "{\"name\":\"get-weather\",\"arguments\":" + args + "}"));
        cached[i] = System.nanoTime() - t0;
        check(res.statusCode());
        assertThat(res.body()).doesNotContain("isError");
      }
      long hits = metrics.cacheHits() - hits0;
      long misses = metrics.cacheMisses() - misses0;
      int backendCalls = service.forecastCalls.get() - backend0;

      String report =
          String.join(
              "\n",
              "# Aggregation benchmark (" + LocalDateTime.now().withNano(0) + ")",
              "machine: "
                  + Runtime.getRuntime().availableProcessors()
                  + " CPUs, JDK "
                  + Runtime.version()
                  + ", load average "
                  + loadAverage()
                  + "; everything on 127.0.0.1 in one JVM, one client, sequential calls",
              "runs: warm-up "
                  + WARMUP
                  + " calls each, then "
                  + ROUNDS
                  + " interleaved rounds of "
                  + PER_ROUND
                  + " calls each",
              "",
              "latency (microseconds)                      p50      p90      p99     mean",
              row("backend POST /translate directly", samples[0]),
              row("MCP tools/call translate via gateway", samples[1]),
              row("MCP prompts/get via gateway (no backend)", samples[2]),
              String.format(
                  "added by the HTTP tool path (tools/call - direct): p50 %d us, mean %d us",
                  (pct(samples[1], 50) - pct(samples[0], 50)) / 1000,
                  (mean(samples[1]) - mean(samples[0])) / 1000),
              "",
              "response cache: "
                  + CACHE_CALLS
                  + " get-weather calls over "
                  + CITIES
                  + " random cities (ttl 60 s)",
              String.format(
                  "  hits %d, misses %d, hit ratio %.1f %%, backend calls %d",
                  hits, misses, 100.0 * hits / Math.max(1, hits + misses), backendCalls),
              row("  tools/call get-weather (cached run)", cached),
              "");
      Path out = Path.of(System.getProperty("bench.out", "../hack/bench/results/aggregation.txt"));
      Files.createDirectories(out.toAbsolutePath().getParent());
      Files.writeString(out, report);
      System.out.println(report);
    }
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).split(" ", 2)[0];
    } catch (java.io.IOException e) {
      return "unknown";
    }
  }

  private static String rpc(int id, String method, String params) {
    return "{\"jsonrpc\":\"2.0\",\"id\":"
        + id
        + ",\"method\":\""
        + method
        + "\",\"params\":"
        + params
        + "}";
  }

  private static void check(int status) {
    if (status != 200) {
      throw new IllegalStateException("HTTP " + status);
    }
  }

  private static String row(String name, long[] nanos) {
    return String.format(
        "%-42s %7d  %7d  %7d  %7d",
        name,
        pct(nanos, 50) / 1000,
        pct(nanos, 90) / 1000,
        pct(nanos, 99) / 1000,
        mean(nanos) / 1000);
  }

  private static long pct(long[] nanos, int p) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
  }

  private static long mean(long[] nanos) {
    return (long) Arrays.stream(nanos).average().orElse(0);
  }
}
