package io.mcpoperator.operator.reconcile;

import com.google.gson.JsonObject;
import io.kubernetes.client.extended.controller.reconciler.Reconciler;
import io.kubernetes.client.extended.controller.reconciler.Request;
import io.kubernetes.client.extended.controller.reconciler.Result;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesObject;
import io.mcpoperator.operator.k8s.ApiErrors;
import io.mcpoperator.operator.k8s.ClusterCache;
import io.mcpoperator.operator.k8s.MergePatch;
import io.mcpoperator.operator.k8s.ResourceType;
import io.mcpoperator.operator.k8s.StatusWriter;
import io.mcpoperator.operator.web.ReconcileMetrics;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Keeps the status of one MCPTool, MCPPrompt or MCPResource true: computes it from the caches
 * (pure) and writes it only when it differs from the stored one. Transient API errors requeue with
 * backoff; an object deleted meanwhile is forgotten.
 */
final class MemberReconciler implements Reconciler {
  private static final Logger LOG = LoggerFactory.getLogger(MemberReconciler.class);

  private final ResourceType type;
  private final Function<JsonObject, JsonObject> statusOf;
  private final ClusterCache cache;
  private final StatusWriter writer;
  private final ReconcileMetrics metrics;

  /**
   * @param statusOf the status an object should have, from its stored JSON
   */
  MemberReconciler(
      ResourceType type,
      Function<JsonObject, JsonObject> statusOf,
      ClusterCache cache,
      StatusWriter writer,
      ReconcileMetrics metrics) {
    this.type = type;
    this.statusOf = statusOf;
    this.cache = cache;
    this.writer = writer;
    this.metrics = metrics;
  }

  @Override
  public Result reconcile(Request request) {
    long start = System.nanoTime();
    MDC.put("kind", type.kind());
    MDC.put("namespace", request.getNamespace());
    MDC.put("name", request.getName());
    boolean failed = false;
    Result result = new Result(false);
    try {
      Optional<DynamicKubernetesObject> cached =
          cache.get(type, request.getNamespace(), request.getName());
      if (cached.isPresent() && write(cached.get().getRaw())) {
        LOG.info("status written");
      }
    } catch (ApiException e) {
      if (e.getCode() != 404 && ApiErrors.isTransient(e)) {
        failed = true;
        result = new Result(true);
      }
      LOG.warn("status not written: {}", ApiErrors.describe(e));
    } catch (RuntimeException e) {
      failed = true;
      result = new Result(true);
      LOG.warn("status not computed: {}", e.toString());
    }
    metrics.reconciled(Duration.ofNanos(System.nanoTime() - start), failed);
    MDC.clear();
    return result;
  }

  private boolean write(JsonObject raw) throws ApiException {
    JsonObject status = statusOf.apply(raw);
    if (MergePatch.same(raw.get("status"), status)) {
      return false;
    }
    writer.write(type, raw, status);
    return true;
  }
}
