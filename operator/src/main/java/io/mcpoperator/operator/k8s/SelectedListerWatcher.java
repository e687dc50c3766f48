package io.mcpoperator.operator.k8s;

import io.kubernetes.client.informer.ListerWatcher;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.util.CallGeneratorParams;
import io.kubernetes.client.util.Watch;
import io.kubernetes.client.util.Watchable;
import io.kubernetes.client.util.generic.GenericKubernetesApi;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesListObject;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesObject;
import io.kubernetes.client.util.generic.options.ListOptions;
import java.io.IOException;
import java.time.Duration;
import java.util.Iterator;
import java.util.Optional;

/**
 * Lists and watches one resource type in one namespace (or all), narrowed by a label selector.
 * Tells {@code failures} how each attempt went, and waits out its backoff before listing again.
 */
record SelectedListerWatcher(
    GenericKubernetesApi<DynamicKubernetesObject, DynamicKubernetesListObject> api,
    Optional<String> namespace,
    Optional<String> labelSelector,
    ReflectorFailures failures)
    implements ListerWatcher<DynamicKubernetesObject, DynamicKubernetesListObject> {

  @Override
  public DynamicKubernetesListObject list(CallGeneratorParams params) throws ApiException {
    pause(failures.backoff());
    ListOptions options = options(params);
    try {
      DynamicKubernetesListObject list =
          (namespace.isPresent() ? api.list(namespace.get(), options) : api.list(options))
              .throwsApiException()
              .getObject();
      failures.listed();
      return list;
    } catch (ApiException e) {
      if (e.getCode() != 410) { // an expired resourceVersion: the reflector relists from scratch
        failures.listFailed(e);
      }
      throw e;
    } catch (RuntimeException e) {
      failures.listFailed(e);
      throw e;
    }
  }

  @Override
  public Watchable<DynamicKubernetesObject> watch(CallGeneratorParams params) throws ApiException {
    ListOptions options = options(params);
    Watchable<DynamicKubernetesObject> watch =
        namespace.isPresent() ? api.watch(namespace.get(), options) : api.watch(options);
    return new ObservedWatch(watch, failures);
  }

  private ListOptions options(CallGeneratorParams params) {
    ListOptions options =
        new ListOptions()
            .resourceVersion(params.resourceVersion)
            .timeoutSeconds(params.timeoutSeconds);
    labelSelector.ifPresent(options::setLabelSelector);
    return options;
  }

  private static void pause(Duration backoff) throws ApiException {
    if (backoff.isZero()) {
      return;
    }
    try {
      Thread.sleep(backoff);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ApiException("informer stopped");
    }
  }

  /** A watch that tells {@code failures} when it works: an event arrived or it ended normally. */
  private record ObservedWatch(Watchable<DynamicKubernetesObject> watch, ReflectorFailures failures)
      implements Watchable<DynamicKubernetesObject> {

    @Override
    public boolean hasNext() {
      boolean more = watch.hasNext();
      if (!more) {
        failures.watched();
      }
      return more;
    }

    @Override
    public Watch.Response<DynamicKubernetesObject> next() {
      Watch.Response<DynamicKubernetesObject> event = watch.next();
      if (!"ERROR".equals(event.type)) {
        failures.watched();
      }
      return event;
    }

    @Override
    public Iterator<Watch.Response<DynamicKubernetesObject>> iterator() {
      return this;
    }

    @Override
    public void close() throws IOException {
      watch.close();
    }
  }
}
