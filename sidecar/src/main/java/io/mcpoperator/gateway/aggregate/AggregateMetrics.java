package io.mcpoperator.gateway.aggregate;

import io.helidon.metrics.api.Counter;
import io.helidon.metrics.api.Gauge;
import io.helidon.metrics.api.MeterRegistry;
import io.helidon.metrics.api.Metrics;
import io.helidon.metrics.api.Tag;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Aggregation metrics: response-cache hits and misses, rate-limited calls, and aggregated items
 * hidden because the upstream server has one of the same name ({@code mcp_aggregate_shadowed}).
 */
public final class AggregateMetrics {
  private static final Map<String, AtomicInteger> SHADOWED = new ConcurrentHashMap<>();
  private final MeterRegistry registry = Metrics.globalRegistry();
  private final Counter hits;
  private final Counter misses;
  private final Counter limited;

  public AggregateMetrics() {
    hits = cache("hit");
    misses = cache("miss");
    limited =
        registry.getOrCreate(
            Counter.builder("mcp_aggregate_rate_limited_total")
                .description("Aggregated tool calls refused by a rate limit"));
    for (String kind : List.of("tools", "prompts", "resources", "resourceTemplates")) {
      var value = SHADOWED.computeIfAbsent(kind, k -> new AtomicInteger());
      registry.getOrCreate(
          Gauge.builder("mcp_aggregate_shadowed", value::get)
              .description("Aggregated items hidden by an upstream item with the same name or URI")
              .tags(List.of(Tag.create("kind", kind))));
    }
  }

  private Counter cache(String outcome) {
    return registry.getOrCreate(
        Counter.builder("mcp_aggregate_cache_total")
            .description("Response-cache lookups of aggregated tools and resources")
            .tags(List.of(Tag.create("outcome", outcome))));
  }

  void cacheHit() {
    hits.increment();
  }

  void cacheMiss() {
    misses.increment();
  }

  void rateLimited() {
    limited.increment();
  }

  void shadowed(String kind, int count) {
    SHADOWED.computeIfAbsent(kind, k -> new AtomicInteger()).set(count);
  }

  /** Cache hits so far (all instances of this process). */
  public long cacheHits() {
    return hits.count();
  }

  /** Cache misses so far (all instances of this process). */
  public long cacheMisses() {
    return misses.count();
  }
}
