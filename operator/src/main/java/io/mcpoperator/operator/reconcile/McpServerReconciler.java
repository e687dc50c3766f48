package io.mcpoperator.operator.reconcile;

import com.google.gson.JsonObject;
import io.kubernetes.client.extended.controller.reconciler.Reconciler;
import io.kubernetes.client.extended.controller.reconciler.Request;
import io.kubernetes.client.extended.controller.reconciler.Result;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesObject;
import io.mcpoperator.operator.api.McpServerParser;
import io.mcpoperator.operator.api.ParsedServer;
import io.mcpoperator.operator.api.Phase;
import io.mcpoperator.operator.desired.SpecValidator;
import io.mcpoperator.operator.k8s.ApiErrors;
import io.mcpoperator.operator.k8s.ResourceType;
import io.mcpoperator.operator.web.ReconcileMetrics;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Reconciles one MCPServer: observe (informer caches) → parse → desired → apply → status. Logs once
 * per reconcile, with a correlation id, and decides whether to requeue: transient API errors with
 * backoff, an invalid spec never (a spec change brings it back).
 */
public final class McpServerReconciler implements Reconciler {

  private static final Logger LOG = LoggerFactory.getLogger(McpServerReconciler.class);

  private final ReconcileContext context;
  private final ServerSync sync;
  private final ServerDeletion deletion;
  private final ReconcileMetrics metrics;

  public McpServerReconciler(ReconcileContext context, ReconcileMetrics metrics) {
    this.context = context;
    this.sync = new ServerSync(context);
    this.deletion = new ServerDeletion(context);
    this.metrics = metrics;
  }

  @Override
  public Result reconcile(Request request) {
    String key = request.getNamespace() + "/" + request.getName();
    MDC.put("correlationId", UUID.randomUUID().toString());
    MDC.put("namespace", request.getNamespace());
    MDC.put("name", request.getName());
    long start = System.nanoTime();
    Pass pass;
    try {
      pass = reconcile(request.getNamespace(), request.getName());
    } catch (ApiException e) {
      pass = goneMeanwhile(request) ? Pass.gone() : Pass.retry(ApiErrors.describe(e));
    } catch (RuntimeException e) {
      pass = Pass.retry(e.toString());
    }
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    metrics.reconciled(took, pass.failed());
    if (pass.isGone()) {
      metrics.forget(key);
    } else {
      pass.phase().ifPresent(p -> metrics.phase(key, p));
    }
    log(pass, took);
    MDC.clear();
    return pass.result();
  }

  private Pass reconcile(String namespace, String name) throws ApiException {
    Optional<DynamicKubernetesObject> cached =
        context.cache().get(ResourceType.MCP_SERVER, namespace, name);
    if (cached.isEmpty()) {
      context.probes().forget(namespace, name);
      context.images().forget(namespace, name);
      return Pass.gone();
    }
    JsonObject raw = cached.get().getRaw();
    ParsedServer parsed = parse(raw);
    MDC.put("generation", String.valueOf(parsed.meta().generation()));
    if (parsed.meta().deleting()) {
      return deletion.reconcile(raw, parsed);
    }
    Optional<JsonObject> withFinalizer = context.writer().addFinalizer(raw);
    if (withFinalizer.isPresent()) {
      raw = withFinalizer.get();
      parsed = parse(raw);
    }
    return sync.reconcile(raw, parsed);
  }

  private boolean goneMeanwhile(Request request) {
    return context
        .cache()
        .get(ResourceType.MCP_SERVER, request.getNamespace(), request.getName())
        .isEmpty();
  }

  ParsedServer parse(JsonObject raw) {
    return SpecValidator.validated(McpServerParser.parse(raw), context.settings());
  }

  private static void log(Pass pass, Duration took) {
    String message = "reconciled outcome={} phase={} durationMs={}{}";
    Object[] args = {
      pass.outcome(),
      pass.phase().map(Phase::word).orElse("-"),
      took.toMillis(),
      pass.detail().map(d -> " detail=\"" + d + "\"").orElse("")
    };
    if (pass.failed()) {
      LOG.warn(message, args);
    } else {
      LOG.info(message, args);
    }
  }
}
