package io.mcpoperator.operator.k8s;

import io.kubernetes.client.informer.ResourceEventHandler;
import io.kubernetes.client.informer.SharedIndexInformer;
import io.kubernetes.client.informer.cache.Caches;
import io.kubernetes.client.informer.impl.DefaultSharedIndexInformer;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesListObject;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Informer caches of MCPServers, of the objects they aggregate (MCPTools, MCPPrompts, MCPResources)
 * and of the objects the operator manages, one informer per type and watched namespace (or one
 * cluster-wide). Reads come from here; the API is asked only on a miss.
 *
 * <p>Services are cached unfiltered: MCPTools and MCPResources may call any Service, and a Service
 * that appears later must turn them ready. That costs memory for every Service in the watched
 * namespaces (a few KiB each); children are still told apart by their owner references.
 * Deployments, ConfigMaps, Ingresses, PodDisruptionBudgets and pods are cached only with the
 * managed-by label.
 */
public final class ClusterCache implements AutoCloseable {

  /** Children, and the pods of their Deployments, carry this label. */
  public static final String MANAGED_SELECTOR = "app.kubernetes.io/managed-by=mcp-operator";

  private final Map<ResourceType, List<SharedIndexInformer<DynamicKubernetesObject>>> informers =
      new LinkedHashMap<>();
  private final List<Thread> threads = new ArrayList<>();
  private final List<String> namespaces;

  /**
   * Informers for MCPServers and every child type plus pods, over {@code watchClient} (which must
   * have no read timeout), in {@code namespaces} (empty: all namespaces).
   */
  public ClusterCache(ApiClient watchClient, List<String> namespaces, Duration serverResync) {
    this.namespaces = List.copyOf(namespaces);
    List<ResourceType> managed = new ArrayList<>(ResourceType.CHILDREN);
    managed.remove(ResourceType.SERVICE);
    managed.add(ResourceType.POD);
    add(watchClient, ResourceType.MCP_SERVER, namespaces, Optional.empty(), serverResync);
    for (ResourceType type : ResourceType.MEMBERS) {
      add(watchClient, type, namespaces, Optional.empty(), serverResync);
    }
    add(watchClient, ResourceType.SERVICE, namespaces, Optional.empty(), Duration.ZERO);
    for (ResourceType type : managed) {
      add(watchClient, type, namespaces, Optional.of(MANAGED_SELECTOR), Duration.ZERO);
    }
    for (ResourceType type : List.of(ResourceType.MCP_TOOL, ResourceType.MCP_RESOURCE)) {
      informers
          .get(type)
          .forEach(i -> i.addIndexers(Map.of(ServiceReferences.INDEX, ServiceReferences::of)));
    }
  }

  /** The namespaces watched; empty means all. */
  public List<String> namespaces() {
    return namespaces;
  }

  /** True when objects of {@code namespace} are cached. */
  public boolean watches(String namespace) {
    return namespaces.isEmpty() || namespaces.contains(namespace);
  }

  /** MCPTools or MCPResources that call the Service {@code namespace/name}. */
  public List<DynamicKubernetesObject> callersOf(ResourceType type, String namespace, String name) {
    return informers.get(type).stream()
        .flatMap(
            i ->
                i
                    .getIndexer()
                    .byIndex(ServiceReferences.INDEX, ServiceReferences.key(namespace, name))
                    .stream())
        .toList();
  }

  private void add(
      ApiClient client,
      ResourceType type,
      List<String> namespaces,
      Optional<String> selector,
      Duration resync) {
    List<Optional<String>> scopes =
        namespaces.isEmpty()
            ? List.of(Optional.empty())
            : namespaces.stream().map(Optional::of).toList();
    List<SharedIndexInformer<DynamicKubernetesObject>> list = new ArrayList<>();
    for (Optional<String> namespace : scopes) {
      list.add(
          new DefaultSharedIndexInformer<DynamicKubernetesObject, DynamicKubernetesListObject>(
              DynamicKubernetesObject.class,
              new SelectedListerWatcher(type.api(client), namespace, selector),
              resync.toMillis()));
    }
    informers.put(type, list);
  }

  /** Calls {@code handler} with the object of every add, update and delete of {@code type}. */
  public void onChange(ResourceType type, Consumer<DynamicKubernetesObject> handler) {
    ResourceEventHandler<DynamicKubernetesObject> events =
        new ResourceEventHandler<>() {
          @Override
          public void onAdd(DynamicKubernetesObject obj) {
            handler.accept(obj);
          }

          @Override
          public void onUpdate(DynamicKubernetesObject oldObj, DynamicKubernetesObject newObj) {
            handler.accept(newObj);
          }

          @Override
          public void onDelete(DynamicKubernetesObject obj, boolean finalStateUnknown) {
            handler.accept(obj);
          }
        };
    informers.get(type).forEach(informer -> informer.addEventHandler(events));
  }

  /**
   * Calls {@code handler} with the object before and after every add (before empty), update and
   * delete (after empty).
   */
  public void onTransition(ResourceType type, Transition handler) {
    ResourceEventHandler<DynamicKubernetesObject> events =
        new ResourceEventHandler<>() {
          @Override
          public void onAdd(DynamicKubernetesObject obj) {
            handler.accept(Optional.empty(), Optional.of(obj));
          }

          @Override
          public void onUpdate(DynamicKubernetesObject oldObj, DynamicKubernetesObject newObj) {
            handler.accept(Optional.ofNullable(oldObj), Optional.of(newObj));
          }

          @Override
          public void onDelete(DynamicKubernetesObject obj, boolean finalStateUnknown) {
            handler.accept(Optional.of(obj), Optional.empty());
          }
        };
    informers.get(type).forEach(informer -> informer.addEventHandler(events));
  }

  /** A change of one object: what it was (empty for an add) and what it is (empty when deleted). */
  @FunctionalInterface
  public interface Transition {
    void accept(Optional<DynamicKubernetesObject> before, Optional<DynamicKubernetesObject> after);
  }

  /** Starts every informer on its own virtual thread. */
  public synchronized void start() {
    informers.values().stream()
        .flatMap(List::stream)
        .forEach(informer -> threads.add(Thread.ofVirtual().name("informer").start(informer::run)));
  }

  /** True once every informer has listed its objects. */
  public boolean synced() {
    return informers.values().stream()
        .flatMap(List::stream)
        .allMatch(SharedIndexInformer::hasSynced);
  }

  public Optional<DynamicKubernetesObject> get(ResourceType type, String namespace, String name) {
    return informers.get(type).stream()
        .map(informer -> informer.getIndexer().getByKey(namespace + "/" + name))
        .filter(o -> o != null)
        .findFirst();
  }

  public List<DynamicKubernetesObject> list(ResourceType type, String namespace) {
    return informers.get(type).stream()
        .flatMap(i -> i.getIndexer().byIndex(Caches.NAMESPACE_INDEX, namespace).stream())
        .toList();
  }

  @Override
  public synchronized void close() {
    informers.values().stream().flatMap(List::stream).forEach(SharedIndexInformer::stop);
    threads.forEach(Thread::interrupt);
    threads.clear();
  }
}
