package io.mcpoperator.operator.reconcile;

import io.kubernetes.client.extended.controller.reconciler.Reconciler;
import io.kubernetes.client.extended.controller.reconciler.Request;
import io.kubernetes.client.extended.controller.reconciler.Result;
import io.kubernetes.client.openapi.ApiException;
import io.mcpoperator.operator.api.Phase;
import io.mcpoperator.operator.k8s.ApiErrors;
import io.mcpoperator.operator.k8s.ResourceType;
import io.mcpoperator.operator.plan.ObservedServer;
import io.mcpoperator.operator.plan.Plan;
import io.mcpoperator.operator.plan.Planner;
import io.mcpoperator.operator.plan.ReconcileSettings;
import io.mcpoperator.operator.web.ReconcileMetrics;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Reconciles one MCPServer: observe once ({@link ServerObserver}: caches, parse, validate) → plan
 * ({@link Planner}, pure: children and status) → apply ({@link ServerSync}, {@link
 * ServerDeletion}). Logs once per reconcile, with a correlation id, and decides whether to requeue:
 * transient API errors with backoff, an invalid spec never (a spec change brings it back).
 */
public final class McpServerReconciler implements Reconciler {

  private static final Logger LOG = LoggerFactory.getLogger(McpServerReconciler.class);

  private final ReconcileContext context;
  private final ServerObserver observer;
  private final ReconcileSettings settings;
  private final ServerSync sync;
  private final ServerDeletion deletion;
  private final ReconcileMetrics metrics;

  public McpServerReconciler(ReconcileContext context, ReconcileMetrics metrics) {
    this.context = context;
    this.observer = new ServerObserver(context);
    this.settings = new ReconcileSettings(context.settings(), context.deletionTimeout());
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
    Optional<ObservedServer> observed = observer.observe(namespace, name);
    if (observed.isEmpty()) {
      context.probes().forget(namespace, name);
      context.images().forget(namespace, name);
      return Pass.gone();
    }
    MDC.put("generation", String.valueOf(observed.get().server().meta().generation()));
    return switch (Planner.plan(observed.get(), settings)) {
      case Plan.Delete delete -> deletion.apply(observed.get(), delete);
      case Plan.Hold hold -> sync.hold(observed.get(), hold);
      case Plan.Apply apply -> sync.apply(observed.get(), apply);
    };
  }

  private boolean goneMeanwhile(Request request) {
    return context
        .cache()
        .get(ResourceType.MCP_SERVER, request.getNamespace(), request.getName())
        .isEmpty();
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
