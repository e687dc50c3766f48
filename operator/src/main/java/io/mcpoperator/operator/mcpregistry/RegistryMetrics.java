package io.mcpoperator.operator.mcpregistry;

import io.helidon.metrics.api.Counter;
import io.helidon.metrics.api.Gauge;
import io.helidon.metrics.api.MeterRegistry;
import io.helidon.metrics.api.Metrics;
import io.helidon.metrics.api.Tag;
import io.helidon.metrics.api.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Registry metrics in the operator's (Helidon) registry: {@code
 * mcp_registry_requests_total{registry,operation,code}}, {@code mcp_registry_request_duration},
 * {@code mcp_registry_sync_total{result}}, {@code mcp_registry_servers{registry}} and {@code
 * mcp_registry_last_success_timestamp_seconds{registry}}. {@code registry} is {@code
 * namespace/name} of the MCPRegistry.
 */
public final class RegistryMetrics {
  private static final RegistryMetrics INSTANCE = new RegistryMetrics();

  private final MeterRegistry registry = Metrics.globalRegistry();
  private final Map<String, AtomicLong> servers = new ConcurrentHashMap<>();
  private final Map<String, AtomicLong> lastSuccess = new ConcurrentHashMap<>();

  private RegistryMetrics() {}

  public static RegistryMetrics get() {
    return INSTANCE;
  }

  /** An observer recording the requests made for {@code name}. */
  public RequestObserver observer(String name) {
    return (operation, code, took) -> request(name, operation, code, took);
  }

  void request(String name, String operation, String code, Duration took) {
    registry
        .getOrCreate(
            Counter.builder("mcp_registry_requests_total")
                .description("Requests to MCP registries")
                .tags(
                    List.of(
                        Tag.create("registry", name),
                        Tag.create("operation", operation),
                        Tag.create("code", code))))
        .increment();
    registry
        .getOrCreate(
            Timer.builder("mcp_registry_request_duration")
                .description("Duration of requests to MCP registries")
                .tags(List.of(Tag.create("registry", name), Tag.create("operation", operation))))
        .record(took);
  }

  /** One sync of {@code name}: its result, and on success the servers kept and the time. */
  public void synced(String name, boolean ok, int serverCount, Instant at) {
    registry
        .getOrCreate(
            Counter.builder("mcp_registry_sync_total")
                .description("MCPRegistry syncs by result")
                .tags(List.of(Tag.create("result", ok ? "success" : "failure"))))
        .increment();
    gauge("mcp_registry_servers", "Servers an MCPRegistry holds", servers, name).set(serverCount);
    if (ok) {
      gauge(
              "mcp_registry_last_success_timestamp_seconds",
              "Time of the last successful sync",
              lastSuccess,
              name)
          .set(at.getEpochSecond());
    }
  }

  private AtomicLong gauge(
      String meter, String description, Map<String, AtomicLong> values, String name) {
    return values.computeIfAbsent(
        name,
        n -> {
          AtomicLong value = new AtomicLong();
          registry.getOrCreate(
              Gauge.builder(meter, value::get)
                  .description(description)
                  .tags(List.of(Tag.create("registry", n))));
          return value;
        });
  }
}
