package io.mcpoperator.operator.web;

import io.helidon.metrics.api.Counter;
import io.helidon.metrics.api.Gauge;
import io.helidon.metrics.api.MeterRegistry;
import io.helidon.metrics.api.Metrics;
import io.helidon.metrics.api.Tag;
import io.helidon.metrics.api.Timer;
import io.mcpoperator.operator.api.Phase;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reconcile counters and durations per controller, and MCPServers by phase, in Helidon's metrics
 * registry (served in Prometheus format at {@code /observe/metrics}).
 */
public final class ReconcileMetrics {

  private static final Map<String, ReconcileMetrics> BY_CONTROLLER = new ConcurrentHashMap<>();

  private final Counter total;
  private final Counter errors;
  private final Timer duration;
  private final Map<String, Phase> phaseByServer = new ConcurrentHashMap<>();

  /**
   * The metrics of one controller. Meters live in the process-wide registry, so there is one
   * instance per controller name.
   */
  public static ReconcileMetrics of(String controller) {
    return BY_CONTROLLER.computeIfAbsent(controller, ReconcileMetrics::new);
  }

  private ReconcileMetrics(String controller) {
    MeterRegistry registry = Metrics.globalRegistry();
    List<Tag> tags = List.of(Tag.create("controller", controller));
    total =
        registry.getOrCreate(
            Counter.builder("mcp_operator_reconcile_total")
                .description("Reconciles run")
                .tags(tags));
    errors =
        registry.getOrCreate(
            Counter.builder("mcp_operator_reconcile_errors_total")
                .description("Reconciles that failed and were requeued")
                .tags(tags));
    duration =
        registry.getOrCreate(
            Timer.builder("mcp_operator_reconcile_duration")
                .description("Time spent in one reconcile")
                .tags(tags));
    for (Phase phase : Phase.values()) {
      registry.getOrCreate(
          Gauge.builder("mcp_operator_servers", () -> count(phase))
              .description("MCPServers by phase")
              .tags(List.of(Tag.create("phase", phase.word()))));
    }
  }

  /** Records one reconcile. */
  public void reconciled(Duration took, boolean failed) {
    total.increment();
    duration.record(took);
    if (failed) {
      errors.increment();
    }
  }

  /** The current phase of a server ({@code namespace/name}). */
  public void phase(String server, Phase phase) {
    phaseByServer.put(server, phase);
  }

  /** A server that is gone. */
  public void forget(String server) {
    phaseByServer.remove(server);
  }

  /** Forgets every server, when this process stops running the controller. */
  public void clear() {
    phaseByServer.clear();
  }

  private long count(Phase phase) {
    return phaseByServer.values().stream().filter(phase::equals).count();
  }
}
