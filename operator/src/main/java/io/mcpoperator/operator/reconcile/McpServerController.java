package io.mcpoperator.operator.reconcile;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.kubernetes.client.extended.controller.DefaultController;
import io.kubernetes.client.extended.controller.reconciler.Request;
import io.kubernetes.client.extended.workqueue.DefaultRateLimitingQueue;
import io.kubernetes.client.extended.workqueue.RateLimitingQueue;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesObject;
import io.mcpoperator.operator.desired.Labels;
import io.mcpoperator.operator.k8s.ClusterCache;
import io.mcpoperator.operator.k8s.ResourceType;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The MCPServer controller: informers feed a rate-limited work queue (exponential backoff on
 * requeue) that workers on virtual threads drain through {@link McpServerReconciler}. Changes to
 * children and pods wake their owning MCPServer.
 */
public final class McpServerController implements AutoCloseable {

  private static final Duration READY_TIMEOUT = Duration.ofMinutes(10);

  private final ClusterCache cache;
  private final ExecutorService queueExecutor =
      Executors.newSingleThreadExecutor(Thread.ofVirtual().name("mcpserver-queue").factory());
  private final RateLimitingQueue<Request> queue = new DefaultRateLimitingQueue<>(queueExecutor);
  private final DefaultController controller;
  private volatile Thread thread;
  private volatile boolean closed;

  @SuppressWarnings("unchecked") // DefaultController takes its ready functions as varargs
  public McpServerController(ClusterCache cache, McpServerReconciler reconciler, int workers) {
    this.cache = cache;
    cache.onChange(ResourceType.MCP_SERVER, o -> enqueue(self(o)));
    for (ResourceType child : ResourceType.CHILDREN) {
      cache.onChange(child, o -> enqueue(owner(o)));
    }
    cache.onChange(ResourceType.POD, o -> enqueue(podOwner(o)));
    controller = new DefaultController("mcpserver", reconciler, queue, cache::synced);
    controller.setWorkerCount(workers);
    controller.setWorkerThreadPool(
        Executors.newScheduledThreadPool(
            workers, Thread.ofVirtual().name("reconcile-", 0).factory()));
    controller.setReadyTimeout(READY_TIMEOUT);
  }

  /** Starts the informers and the workers; returns at once. */
  public synchronized void start() {
    cache.start();
    thread = Thread.ofVirtual().name("mcpserver-controller").start(controller::run);
  }

  /** True once every informer cache has synced. */
  public boolean synced() {
    return cache.synced();
  }

  /** True when the controller stopped on its own (its caches never synced). */
  public boolean failed() {
    Thread t = thread;
    return !closed && t != null && !t.isAlive();
  }

  @Override
  public synchronized void close() {
    closed = true;
    controller.shutdown();
    cache.close();
    queue.shutDown();
    queueExecutor.shutdownNow();
  }

  private void enqueue(Optional<Request> request) {
    request.ifPresent(queue::add);
  }

  private static Optional<Request> self(DynamicKubernetesObject o) {
    return Optional.of(new Request(o.getMetadata().getNamespace(), o.getMetadata().getName()));
  }

  /** The MCPServer named in a child's controller owner reference. */
  static Optional<Request> owner(DynamicKubernetesObject o) {
    JsonObject metadata = o.getRaw().getAsJsonObject("metadata");
    JsonElement refs = metadata == null ? null : metadata.get("ownerReferences");
    if (refs == null || !refs.isJsonArray()) {
      return Optional.empty();
    }
    for (JsonElement ref : (JsonArray) refs) {
      JsonObject r = ref.getAsJsonObject();
      if (ResourceType.MCP_SERVER.kind().equals(string(r, "kind"))
          && ResourceType.MCP_SERVER.apiVersion().equals(string(r, "apiVersion"))) {
        return Optional.of(new Request(o.getMetadata().getNamespace(), string(r, "name")));
      }
    }
    return Optional.empty();
  }

  /** Pods carry the server's name in {@code app.kubernetes.io/instance}. */
  static Optional<Request> podOwner(DynamicKubernetesObject pod) {
    Map<String, String> labels = pod.getMetadata().getLabels();
    if (labels == null || !labels.containsKey(Labels.INSTANCE)) {
      return Optional.empty();
    }
    return Optional.of(new Request(pod.getMetadata().getNamespace(), labels.get(Labels.INSTANCE)));
  }

  private static String string(JsonObject o, String field) {
    JsonElement e = o.get(field);
    return e == null || e.isJsonNull() ? "" : e.getAsString();
  }
}
