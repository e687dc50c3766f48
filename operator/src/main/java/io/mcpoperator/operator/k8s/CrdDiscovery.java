package io.mcpoperator.operator.k8s;

import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CustomObjectsApi;
import io.kubernetes.client.openapi.models.V1APIResource;
import io.kubernetes.client.openapi.models.V1APIResourceList;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Asks the API server which of the operator's kinds it serves: {@code GET
 * /apis/mcpoperator.io/v1alpha1}. A 404 means no CRD of the group is installed.
 */
public final class CrdDiscovery {

  private final CustomObjectsApi api;

  public CrdDiscovery(ApiClient client) {
    this.api = new CustomObjectsApi(client);
  }

  /** The kinds served now; throws when the API server could not answer. */
  public InstalledKinds discover() throws ApiException {
    ResourceType type = ResourceType.MCP_SERVER;
    V1APIResourceList list;
    try {
      list = api.getAPIResources(type.group(), type.version()).execute();
    } catch (ApiException e) {
      if (e.getCode() == 404) {
        return InstalledKinds.none();
      }
      throw e;
    }
    Set<String> plurals =
        list.getResources() == null
            ? Set.of()
            : list.getResources().stream()
                .map(V1APIResource::getName)
                .filter(name -> name != null && !name.contains("/"))
                .collect(Collectors.toSet());
    return InstalledKinds.ofPlurals(plurals);
  }
}
