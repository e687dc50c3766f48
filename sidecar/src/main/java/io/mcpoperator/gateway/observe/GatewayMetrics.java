package io.mcpoperator.gateway.observe;

import io.helidon.metrics.api.Counter;
import io.helidon.metrics.api.Gauge;
import io.helidon.metrics.api.MeterRegistry;
import io.helidon.metrics.api.Metrics;
import io.helidon.metrics.api.Tag;
import io.helidon.metrics.api.Timer;
import io.mcpoperator.mcp.jsonrpc.Json;
import io.mcpoperator.mcp.jsonrpc.JsonRpcMessage;
import io.mcpoperator.mcp.transport.RequestObserver;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The gateway's Prometheus metrics: requests by method and outcome with latency histograms,
 * per-tool calls, HTTP rejections, active sessions, upstream readiness and restarts. Method and
 * tool names come from clients, so label values are bounded: a method is its name only when MCP
 * defines it, a tool only when a {@code tools/list} answer named it or a call of it succeeded, at
 * most {@link #MAX_LABEL_VALUES} tools and {@link #MAX_LABEL_LENGTH} characters; anything else is
 * {@code other}. Error codes (chosen by upstreams) are bounded the same way.
 */
public final class GatewayMetrics implements RequestObserver, UpstreamEvents {
  /** The most distinct tool names (and error codes) that become label values. */
  static final int MAX_LABEL_VALUES = 200;

  /** The longest label value; MCP tool names are at most 128 characters. */
  static final int MAX_LABEL_LENGTH = 128;

  private static final String OTHER = "other";
  private static final Set<String> HTTP_METHODS =
      Set.of("GET", "POST", "DELETE", "PUT", "PATCH", "HEAD", "OPTIONS", "TRACE", "CONNECT");
  private static final Set<String> MCP_METHODS =
      Set.of(
          "initialize",
          "ping",
          "tools/list",
          "tools/call",
          "prompts/list",
          "prompts/get",
          "resources/list",
          "resources/templates/list",
          "resources/read",
          "resources/subscribe",
          "resources/unsubscribe",
          "logging/setLevel",
          "completion/complete",
          "subscriptions/listen",
          "tasks/get",
          "tasks/list",
          "tasks/result",
          "tasks/cancel");
  private final MeterRegistry registry = Metrics.globalRegistry();
  private final Set<String> outcomes = ConcurrentHashMap.newKeySet();
  private final Set<String> tools = ConcurrentHashMap.newKeySet();
  // meters by label values, so that a request costs map lookups rather than registry lookups
  private final Map<String, Map<String, Counter>> requestCounters = new ConcurrentHashMap<>();
  private final Map<String, Timer> requestTimers = new ConcurrentHashMap<>();
  private final Map<String, Map<String, Counter>> toolCounters = new ConcurrentHashMap<>();
  private final Map<String, Timer> toolTimers = new ConcurrentHashMap<>();
  private final Counter restarts;
  private volatile boolean upstreamReady;

  public GatewayMetrics(Supplier<Long> activeSessions) {
    registry.getOrCreate(
        Gauge.builder("mcp_sessions_active", () -> activeSessions.get())
            .description("Client sessions alive in the session store"));
    registry.getOrCreate(
        Gauge.builder("mcp_upstream_ready", () -> upstreamReady ? 1 : 0)
            .description("1 when the upstream MCP server is initialized"));
    restarts =
        registry.getOrCreate(
            Counter.builder("mcp_upstream_disconnects_total")
                .description("Upstream connections lost (crash, restart, network)"));
  }

  @Override
  public void finished(
      String method, JsonObject params, JsonRpcMessage.Response response, long nanos) {
    String outcome =
        response instanceof JsonRpcMessage.Failure f
            ? bounded(outcomes, String.valueOf(f.error().code()))
            : "ok";
    String m = MCP_METHODS.contains(method) ? method : OTHER;
    if (method.equals("tools/list") && response instanceof JsonRpcMessage.Result r) {
      learnTools(r.result());
    }
    requestCounters
        .computeIfAbsent(m, k -> new ConcurrentHashMap<>())
        .computeIfAbsent(outcome, o -> counter("mcp_requests_total", "method", m, o))
        .increment();
    requestTimers
        .computeIfAbsent(m, k -> timer("mcp_request_duration", "method", k))
        .record(nanos, TimeUnit.NANOSECONDS);
    if (method.equals("tools/call")) {
      String tool = toolLabel(Json.string(params, "name").orElse(""), response);
      toolCounters
          .computeIfAbsent(tool, k -> new ConcurrentHashMap<>())
          .computeIfAbsent(outcome, o -> counter("mcp_tool_calls_total", "tool", tool, o))
          .increment();
      toolTimers
          .computeIfAbsent(tool, k -> timer("mcp_tool_duration", "tool", k))
          .record(nanos, TimeUnit.NANOSECONDS);
    }
  }

  private Counter counter(String name, String label, String value, String outcome) {
    return registry.getOrCreate(
        Counter.builder(name)
            .tags(List.of(Tag.create(label, value), Tag.create("outcome", outcome))));
  }

  private Timer timer(String name, String label, String value) {
    return registry.getOrCreate(
        Timer.builder(name)
            .publishPercentileHistogram(true)
            .tags(List.of(Tag.create(label, value))));
  }

  @Override
  public void rejected(String httpMethod, int status) {
    registry
        .getOrCreate(
            Counter.builder("mcp_http_rejections_total")
                .tags(
                    List.of(
                        Tag.create(
                            "http_method", HTTP_METHODS.contains(httpMethod) ? httpMethod : OTHER),
                        Tag.create("status", String.valueOf(status)))))
        .increment();
  }

  @Override
  public void initialized() {
    upstreamReady = true;
  }

  /** A connection closed because its request head did not arrive within the header timeout. */
  public void headerTimeout() {
    registry
        .getOrCreate(
            Counter.builder("mcp_connections_header_timeout_total")
                .description(
                    "Connections closed because a request head took longer than limits.headerTimeoutMs"))
        .increment();
  }

  @Override
  public void bodyTimedOut() {
    registry
        .getOrCreate(
            Counter.builder("mcp_connections_body_timeout_total")
                .description(
                    "Connections closed because a request body took longer than limits.bodyTimeoutMs"))
        .increment();
  }

  @Override
  public void unmatched(String reason) {
    registry
        .getOrCreate(
            Counter.builder("mcp_upstream_unmatched_answers_total")
                .description("Upstream answers that matched no request in flight")
                .tags(List.of(Tag.create("reason", reason))))
        .increment();
  }

  @Override
  public void disconnected() {
    upstreamReady = false;
    restarts.increment();
  }

  /** Remembers the tool names a {@code tools/list} answer holds. */
  private void learnTools(JsonObject result) {
    for (var tool : Json.array(result, "tools").orElse(JsonValue.EMPTY_JSON_ARRAY)) {
      if (tool instanceof JsonObject t) {
        Json.string(t, "name").ifPresent(name -> bounded(tools, name));
      }
    }
  }

  /** The label of a called tool: its name when known (listed, or this call succeeded). */
  private String toolLabel(String name, JsonRpcMessage.Response response) {
    if (tools.contains(name)) {
      return name;
    }
    boolean succeeded =
        response instanceof JsonRpcMessage.Result r && !r.result().getBoolean("isError", false);
    return succeeded ? bounded(tools, name) : OTHER;
  }

  private static String bounded(Set<String> seen, String value) {
    if (value.length() > MAX_LABEL_LENGTH) {
      return OTHER;
    }
    if (seen.contains(value)) {
      return value;
    }
    if (seen.size() < MAX_LABEL_VALUES) {
      seen.add(value);
      return value;
    }
    return OTHER;
  }
}
