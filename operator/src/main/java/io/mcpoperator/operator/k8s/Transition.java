package io.mcpoperator.operator.k8s;

import io.kubernetes.client.informer.ResourceEventHandler;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesObject;
import java.util.Optional;

/** A change of one object: what it was (empty for an add) and what it is (empty when deleted). */
@FunctionalInterface
public interface Transition {
  void accept(Optional<DynamicKubernetesObject> before, Optional<DynamicKubernetesObject> after);

  /** The informer event handler that calls {@code handler}. */
  static ResourceEventHandler<DynamicKubernetesObject> events(Transition handler) {
    return new ResourceEventHandler<>() {
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
  }
}
