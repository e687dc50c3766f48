package io.mcpoperator.operator.k8s;

import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1OwnerReference;
import io.mcpoperator.operator.api.ResourceMeta;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The last good data of an MCPRegistry: chunks in ConfigMaps {@code <name>-registry-cache-<i>} (key
 * {@code catalog.json.gz}), owned by the MCPRegistry so they go with it. They carry no managed-by
 * label, so the operator's informers do not hold them in memory.
 */
public final class RegistryCacheStore {
  public static final String KEY = "catalog.json.gz";
  public static final String LABEL = "mcpoperator.io/registry-cache";

  private final CoreV1Api core;

  public RegistryCacheStore(ApiClient client) {
    this.core = new CoreV1Api(client);
  }

  public static String name(String registry, int index) {
    return registry + "-registry-cache-" + index;
  }

  /** The chunks in the ConfigMaps {@code names}, in order; empty if one is missing. */
  public Optional<List<byte[]>> read(String namespace, List<String> names) throws ApiException {
    List<byte[]> chunks = new ArrayList<>();
    for (String name : names) {
      try {
        V1ConfigMap map = core.readNamespacedConfigMap(name, namespace).execute();
        byte[] chunk = map.getBinaryData() == null ? null : map.getBinaryData().get(KEY);
        if (chunk == null) {
          return Optional.empty();
        }
        chunks.add(chunk);
      } catch (ApiException e) {
        if (e.getCode() == 404) {
          return Optional.empty();
        }
        throw e;
      }
    }
    return names.isEmpty() ? Optional.empty() : Optional.of(chunks);
  }

  /**
   * Writes {@code chunks} for {@code registry}, deleting chunks of an earlier, longer write ({@code
   * previous}); returns the ConfigMap names in order.
   */
  public List<String> write(ResourceMeta registry, List<byte[]> chunks, List<String> previous)
      throws ApiException {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < chunks.size(); i++) {
      String name = name(registry.name(), i);
      V1ConfigMap map =
          new V1ConfigMap()
              .metadata(
                  new V1ObjectMeta()
                      .name(name)
                      .namespace(registry.namespace())
                      .labels(
                          Map.of(
                              LABEL, registry.name(), "app.kubernetes.io/part-of", "mcp-operator"))
                      .ownerReferences(
                          List.of(
                              new V1OwnerReference()
                                  .apiVersion(ResourceType.MCP_REGISTRY.apiVersion())
                                  .kind(ResourceType.MCP_REGISTRY.kind())
                                  .name(registry.name())
                                  .uid(registry.uid())
                                  .controller(true)
                                  .blockOwnerDeletion(true))))
              .binaryData(Map.of(KEY, chunks.get(i)));
      try {
        core.replaceNamespacedConfigMap(name, registry.namespace(), map).execute();
      } catch (ApiException e) {
        if (e.getCode() != 404) {
          throw e;
        }
        core.createNamespacedConfigMap(registry.namespace(), map).execute();
      }
      names.add(name);
    }
    for (String old : previous) {
      if (!names.contains(old)) {
        try {
          core.deleteNamespacedConfigMap(old, registry.namespace()).execute();
        } catch (ApiException e) {
          if (e.getCode() != 404) {
            throw e;
          }
        }
      }
    }
    return names;
  }
}
