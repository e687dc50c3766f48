package io.mcpoperator.operator.k8s;

import io.kubernetes.client.informer.ResourceEventHandler;
import io.kubernetes.client.informer.SharedIndexInformer;
import io.kubernetes.client.informer.cache.Cache;
import io.kubernetes.client.informer.cache.Caches;
import io.kubernetes.client.informer.impl.DefaultSharedIndexInformer;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesListObject;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The informers of one resource type: one per watched namespace, or one cluster-wide. Started and
 * stopped together; each logs its list/watch failures through its own {@link ReflectorFailures}.
 */
final class KindInformers {

  /** How the informers of a type are built: label selector, resync period, extra indexes. */
  record Spec(
      ResourceType type,
      Optional<String> labelSelector,
      Duration resync,
      Map<String, Function<DynamicKubernetesObject, List<String>>> indexers) {}

  private record Member(
      SharedIndexInformer<DynamicKubernetesObject> informer, ReflectorFailures failures) {}

  private final List<Member> members = new ArrayList<>();
  private final List<Thread> threads = new ArrayList<>();

  KindInformers(
      ApiClient client,
      Spec spec,
      List<String> namespaces,
      List<ResourceEventHandler<DynamicKubernetesObject>> handlers) {
    List<Optional<String>> scopes =
        namespaces.isEmpty()
            ? List.of(Optional.empty())
            : namespaces.stream().map(Optional::of).toList();
    for (Optional<String> namespace : scopes) {
      ReflectorFailures failures = new ReflectorFailures(spec.type(), namespace);
      SharedIndexInformer<DynamicKubernetesObject> informer =
          new DefaultSharedIndexInformer<DynamicKubernetesObject, DynamicKubernetesListObject>(
              DynamicKubernetesObject.class,
              new SelectedListerWatcher(
                  spec.type().api(client), namespace, spec.labelSelector(), failures),
              spec.resync().toMillis(),
              new Cache<>(),
              failures);
      informer.setTransform(CachedFields.of(spec.type()));
      if (!spec.indexers().isEmpty()) {
        informer.addIndexers(spec.indexers());
      }
      handlers.forEach(informer::addEventHandler);
      members.add(new Member(informer, failures));
    }
  }

  void addEventHandler(ResourceEventHandler<DynamicKubernetesObject> handler) {
    members.forEach(m -> m.informer().addEventHandler(handler));
  }

  /** Starts every informer on its own virtual thread. */
  synchronized void start(String name) {
    for (Member m : members) {
      threads.add(Thread.ofVirtual().name("informer-" + name).start(m.informer()::run));
    }
  }

  boolean synced() {
    return members.stream().allMatch(m -> m.informer().hasSynced());
  }

  Optional<DynamicKubernetesObject> get(String namespace, String name) {
    return members.stream()
        .map(m -> m.informer().getIndexer().getByKey(namespace + "/" + name))
        .filter(Objects::nonNull)
        .findFirst();
  }

  List<DynamicKubernetesObject> list(String namespace) {
    return byIndex(Caches.NAMESPACE_INDEX, namespace);
  }

  List<DynamicKubernetesObject> all() {
    return members.stream().flatMap(m -> m.informer().getIndexer().list().stream()).toList();
  }

  List<DynamicKubernetesObject> byIndex(String index, String key) {
    return members.stream()
        .flatMap(m -> m.informer().getIndexer().byIndex(index, key).stream())
        .toList();
  }

  /** Stops the informers quietly (a failure of a stopping informer is not news). */
  synchronized void stop() {
    members.forEach(m -> m.failures().close());
    members.forEach(m -> m.informer().stop());
    threads.forEach(Thread::interrupt);
    threads.clear();
  }
}
