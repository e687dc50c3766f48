package io.mcpoperator.operator.reconcile;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.kubernetes.client.extended.controller.reconciler.Request;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesObject;
import io.mcpoperator.operator.desired.Labels;
import io.mcpoperator.operator.k8s.ClusterCache;
import io.mcpoperator.operator.k8s.ResourceType;
import java.util.Map;
import java.util.Optional;

/**
 * The MCPServer controller: informers feed a work queue drained through {@link
 * McpServerReconciler}. Changes to children and pods wake their owning MCPServer; changes to the
 * objects a server selects are routed by {@link AggregationEvents}.
 */
public final class McpServerController implements AutoCloseable {

  private final QueuedController queue;

  public McpServerController(ClusterCache cache, McpServerReconciler reconciler, int workers) {
    this.queue = new QueuedController("mcpserver", reconciler, workers, cache::synced);
    cache.onTransition(
        ResourceType.MCP_SERVER,
        (before, after) -> {
          if (before.isEmpty()
              || after.isEmpty()
              || !onlyStatusChanged(before.get(), after.get())) {
            enqueue(self(after.or(() -> before).orElseThrow()));
          }
        });
    for (ResourceType child : ResourceType.CHILDREN) {
      cache.onChange(child, o -> enqueue(owner(o)));
    }
    cache.onChange(ResourceType.POD, o -> enqueue(podOwner(o)));
  }

  /** Starts the workers; returns at once. */
  public void start() {
    queue.start();
  }

  /** True when the controller stopped on its own (its caches never synced). */
  public boolean failed() {
    return queue.failed();
  }

  void enqueue(Request request) {
    queue.enqueue(request);
  }

  @Override
  public void close() {
    queue.close();
  }

  private void enqueue(Optional<Request> request) {
    request.ifPresent(queue::enqueue);
  }

  private static Optional<Request> self(DynamicKubernetesObject o) {
    return Optional.of(new Request(o.getMetadata().getNamespace(), o.getMetadata().getName()));
  }

  /**
   * True for an update that changed only the status (and so the resourceVersion and managedFields):
   * in the main the operator's own status write, which needs no reconcile. Anything else
   * reconciles: a spec change or generation bump, labels, annotations, finalizers, owner
   * references, a deletion timestamp, and an update with an unchanged resourceVersion (the
   * informer's resync). Children, pods and selected members wake their server through their own
   * handlers, whatever this says.
   */
  static boolean onlyStatusChanged(DynamicKubernetesObject before, DynamicKubernetesObject after) {
    String oldVersion = before.getMetadata().getResourceVersion();
    if (oldVersion == null || oldVersion.equals(after.getMetadata().getResourceVersion())) {
      return false;
    }
    return withoutStatus(before).equals(withoutStatus(after));
  }

  private static JsonObject withoutStatus(DynamicKubernetesObject o) {
    JsonObject copy = o.getRaw().deepCopy();
    copy.remove("status");
    JsonElement metadata = copy.get("metadata");
    if (metadata != null && metadata.isJsonObject()) {
      metadata.getAsJsonObject().remove("resourceVersion");
      metadata.getAsJsonObject().remove("managedFields");
    }
    return copy;
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
