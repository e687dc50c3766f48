package io.mcpoperator.operator.k8s;

import io.kubernetes.client.informer.ResourceEventHandler;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Informer caches of MCPServers, of the objects they aggregate (MCPTools, MCPPrompts, MCPResources)
 * and of the objects the operator manages, one {@link KindInformers} per type. Reads come from
 * here; the API is asked only on a miss. The operator's own kinds are cached only while their CRD
 * is installed ({@link #update}): a kind without informers reads as empty and does not hold back
 * {@link #synced()}.
 *
 * <p>Services are cached unfiltered: MCPTools and MCPResources may call any Service, and a Service
 * that appears later must turn them ready. That costs memory for every Service in the watched
 * namespaces (a few KiB each); children are still told apart by their owner references.
 * Deployments, ConfigMaps, Ingresses, PodDisruptionBudgets and pods are cached only with the
 * managed-by label. Cached objects carry no {@code managedFields} ({@link CachedFields}).
 */
public final class ClusterCache implements AutoCloseable {

  /** Children, and the pods of their Deployments, carry this label. */
  public static final String MANAGED_SELECTOR = "app.kubernetes.io/managed-by=mcp-operator";

  private final ApiClient client;
  private final List<String> namespaces;
  private final Map<ResourceType, KindInformers.Spec> specs = new LinkedHashMap<>();
  private final Map<ResourceType, List<ResourceEventHandler<DynamicKubernetesObject>>> handlers =
      new ConcurrentHashMap<>();
  private final Map<ResourceType, KindInformers> running = new ConcurrentHashMap<>();
  private boolean started;

  /**
   * Informers for MCPServers and every child type plus pods, over {@code watchClient} (which must
   * have no read timeout), in {@code namespaces} (empty: all namespaces).
   */
  public ClusterCache(ApiClient watchClient, List<String> namespaces, Duration serverResync) {
    this.client = watchClient;
    this.namespaces = List.copyOf(namespaces);
    Map<String, java.util.function.Function<DynamicKubernetesObject, List<String>>> byService =
        Map.of(ServiceReferences.INDEX, ServiceReferences::of);
    for (ResourceType type : ResourceType.CUSTOM) {
      boolean callsServices =
          type.equals(ResourceType.MCP_TOOL) || type.equals(ResourceType.MCP_RESOURCE);
      spec(type, Optional.empty(), serverResync, callsServices ? byService : Map.of());
    }
    spec(ResourceType.SERVICE, Optional.empty(), Duration.ZERO, Map.of());
    for (ResourceType type : ResourceType.CHILDREN) {
      if (!type.equals(ResourceType.SERVICE)) {
        spec(type, Optional.of(MANAGED_SELECTOR), Duration.ZERO, Map.of());
      }
    }
    spec(ResourceType.POD, Optional.of(MANAGED_SELECTOR), Duration.ZERO, Map.of());
  }

  private void spec(
      ResourceType type,
      Optional<String> selector,
      Duration resync,
      Map<String, java.util.function.Function<DynamicKubernetesObject, List<String>>> indexers) {
    specs.put(type, new KindInformers.Spec(type, selector, resync, indexers));
    handlers.put(type, new CopyOnWriteArrayList<>());
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
    return informers(type)
        .map(i -> i.byIndex(ServiceReferences.INDEX, ServiceReferences.key(namespace, name)))
        .orElse(List.of());
  }

  /** Calls {@code handler} with the object of every add, update and delete of {@code type}. */
  public void onChange(ResourceType type, Consumer<DynamicKubernetesObject> handler) {
    onTransition(type, (before, after) -> handler.accept(after.or(() -> before).orElseThrow()));
  }

  /**
   * Calls {@code handler} with the object before and after every add (before empty), update and
   * delete (after empty), also for informers started later.
   */
  public void onTransition(ResourceType type, Transition handler) {
    ResourceEventHandler<DynamicKubernetesObject> events = Transition.events(handler);
    handlers.get(type).add(events);
    informers(type).ifPresent(i -> i.addEventHandler(events));
  }

  /** Starts the informers of every built-in type and of the installed kinds of {@code kinds}. */
  public synchronized void start(InstalledKinds kinds) {
    started = true;
    for (ResourceType type : specs.keySet()) {
      if (!ResourceType.CUSTOM.contains(type) || kinds.has(type)) {
        startKind(type);
      }
    }
  }

  /** The kinds whose informers were started and stopped by an {@link #update}. */
  public record Changes(List<ResourceType> started, List<ResourceType> stopped) {
    public boolean isEmpty() {
      return started.isEmpty() && stopped.isEmpty();
    }
  }

  /** Caches the kinds of {@code kinds} now installed and drops those no longer installed. */
  public synchronized Changes update(InstalledKinds kinds) {
    List<ResourceType> up = new ArrayList<>();
    List<ResourceType> down = new ArrayList<>();
    if (!started) {
      return new Changes(up, down);
    }
    for (ResourceType type : ResourceType.CUSTOM) {
      if (kinds.has(type) && !running.containsKey(type)) {
        startKind(type);
        up.add(type);
      } else if (!kinds.has(type) && running.containsKey(type)) {
        running.remove(type).stop();
        down.add(type);
      }
    }
    return new Changes(up, down);
  }

  private void startKind(ResourceType type) {
    KindInformers informers =
        new KindInformers(client, specs.get(type), namespaces, handlers.get(type));
    running.put(type, informers);
    informers.start(type.kind().toLowerCase(java.util.Locale.ROOT));
  }

  /** The operator's kinds whose informers are running. */
  public InstalledKinds installed() {
    return new InstalledKinds(running.keySet());
  }

  /** The operator's kinds whose informers are running and have listed their objects. */
  public InstalledKinds available() {
    Set<ResourceType> synced =
        running.entrySet().stream()
            .filter(e -> e.getValue().synced())
            .map(Map.Entry::getKey)
            .collect(Collectors.toSet());
    return new InstalledKinds(synced);
  }

  /** True once every running informer has listed its objects. */
  public boolean synced() {
    return started && running.values().stream().allMatch(KindInformers::synced);
  }

  public Optional<DynamicKubernetesObject> get(ResourceType type, String namespace, String name) {
    return informers(type).flatMap(i -> i.get(namespace, name));
  }

  /** The cached objects of {@code type} in {@code namespace}; none when the kind is not cached. */
  public List<DynamicKubernetesObject> list(ResourceType type, String namespace) {
    return informers(type).map(i -> i.list(namespace)).orElse(List.of());
  }

  /** Every cached object of {@code type}, in all watched namespaces. */
  public List<DynamicKubernetesObject> listAll(ResourceType type) {
    return informers(type).map(KindInformers::all).orElse(List.of());
  }

  private Optional<KindInformers> informers(ResourceType type) {
    return Optional.ofNullable(running.get(type));
  }

  @Override
  public synchronized void close() {
    running.values().forEach(KindInformers::stop);
    running.clear();
  }
}
