package io.mcpoperator.gateway.auth;

import io.helidon.metrics.api.Counter;
import io.helidon.metrics.api.MeterRegistry;
import io.helidon.metrics.api.Metrics;
import io.helidon.metrics.api.Tag;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts every authentication and authorization decision ({@code
 * mcp_auth_decisions_total{result,reason}}) and writes one audit line per denial (logger {@value
 * #AUDIT_LOGGER}: principal, method, name, reason; never the token).
 */
final class AuthDecisions {
  static final String AUDIT_LOGGER = "io.mcpoperator.gateway.auth.audit";
  private static final Logger AUDIT = LoggerFactory.getLogger(AUDIT_LOGGER);

  /** Why a request was let through or refused; the label values are these, bounded. */
  enum Reason {
    JWT("jwt"),
    STATIC_TOKEN("static_token"),
    RULE("rule"),
    MISSING_TOKEN("missing_token"),
    INVALID_TOKEN("invalid_token"),
    KEYS_UNAVAILABLE("keys_unavailable"),
    INSUFFICIENT_SCOPE("insufficient_scope"),
    NOT_ALLOWED("not_allowed");

    final String label;

    Reason(String label) {
      this.label = label;
    }
  }

  private final MeterRegistry registry = Metrics.globalRegistry();
  private final Map<String, Counter> counters = new ConcurrentHashMap<>();

  void allowed(Reason reason) {
    counter("allow", reason).increment();
  }

  /**
   * A refusal: counted, and logged with who (empty: no valid token), what ({@code method}, {@code
   * name}: a tool, prompt or resource; may be empty) and why.
   */
  void denied(Reason reason, Optional<Caller> caller, String method, String name, String detail) {
    counter("deny", reason).increment();
    AUDIT.warn(
        "auth denied: principal={} issuer={} method={} name={} reason={} detail={}",
        caller.map(Caller::principal).orElse("-"),
        caller.flatMap(Caller::issuer).orElse("-"),
        method.isEmpty() ? "-" : method,
        name.isEmpty() ? "-" : name,
        reason.label,
        detail);
  }

  private Counter counter(String result, Reason reason) {
    return counters.computeIfAbsent(
        result + "/" + reason.label,
        k ->
            registry.getOrCreate(
                Counter.builder("mcp_auth_decisions_total")
                    .description("Authentication and authorization decisions of the gateway")
                    .tags(
                        List.of(
                            Tag.create("result", result), Tag.create("reason", reason.label)))));
  }
}
