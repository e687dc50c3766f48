package io.mcpoperator.operator.k8s;

import io.kubernetes.client.informer.ListerWatcher;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.util.CallGeneratorParams;
import io.kubernetes.client.util.Watchable;
import io.kubernetes.client.util.generic.GenericKubernetesApi;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesListObject;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesObject;
import io.kubernetes.client.util.generic.options.ListOptions;
import java.util.Optional;

/** Lists and watches one resource type in one namespace (or all), narrowed by a label selector. */
record SelectedListerWatcher(
    GenericKubernetesApi<DynamicKubernetesObject, DynamicKubernetesListObject> api,
    Optional<String> namespace,
    Optional<String> labelSelector)
    implements ListerWatcher<DynamicKubernetesObject, DynamicKubernetesListObject> {

  @Override
  public DynamicKubernetesListObject list(CallGeneratorParams params) throws ApiException {
    ListOptions options = options(params);
    return (namespace.isPresent() ? api.list(namespace.get(), options) : api.list(options))
        .throwsApiException()
        .getObject();
  }

  @Override
  public Watchable<DynamicKubernetesObject> watch(CallGeneratorParams params) throws ApiException {
    ListOptions options = options(params);
    return namespace.isPresent() ? api.watch(namespace.get(), options) : api.watch(options);
  }

  private ListOptions options(CallGeneratorParams params) {
    ListOptions options =
        new ListOptions()
            .resourceVersion(params.resourceVersion)
            .timeoutSeconds(params.timeoutSeconds);
    labelSelector.ifPresent(options::setLabelSelector);
    return options;
  }
}
