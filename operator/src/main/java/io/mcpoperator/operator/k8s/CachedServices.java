package io.mcpoperator.operator.k8s;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesObject;
import io.mcpoperator.operator.aggregate.ServiceDirectory;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Services as the informer cache sees them. */
public final class CachedServices implements ServiceDirectory {
  private final ClusterCache cache;

  public CachedServices(ClusterCache cache) {
    this.cache = cache;
  }

  @Override
  public Optional<Problem> problem(String namespace, String name, int port) {
    String service = "Service " + namespace + "/" + name;
    if (!cache.watches(namespace)) {
      return Optional.of(
          Problem.notFound(
              service
                  + " is in a namespace the operator does not watch (WATCH_NAMESPACES: "
                  + String.join(",", cache.namespaces())
                  + "): use a Service in a watched namespace"));
    }
    Optional<DynamicKubernetesObject> found = cache.get(ResourceType.SERVICE, namespace, name);
    if (found.isEmpty()) {
      return Optional.of(Problem.notFound(service + " not found: create it or fix the name"));
    }
    List<Integer> ports = ports(found.get().getRaw());
    if (!externalName(found.get().getRaw()) && !ports.contains(port)) {
      return Optional.of(
          Problem.noPort(
              service + " has no port " + port + " (it has " + ports + "): fix the port"));
    }
    return Optional.empty();
  }

  /** An ExternalName Service is a DNS alias: any port may be called. */
  private static boolean externalName(JsonObject service) {
    JsonElement spec = service.get("spec");
    JsonElement type =
        spec != null && spec.isJsonObject() ? spec.getAsJsonObject().get("type") : null;
    return type != null && type.isJsonPrimitive() && "ExternalName".equals(type.getAsString());
  }

  static List<Integer> ports(JsonObject service) {
    List<Integer> ports = new ArrayList<>();
    JsonElement spec = service.get("spec");
    JsonElement list =
        spec != null && spec.isJsonObject() ? spec.getAsJsonObject().get("ports") : null;
    if (list != null && list.isJsonArray()) {
      for (JsonElement p : list.getAsJsonArray()) {
        JsonElement port = p.isJsonObject() ? p.getAsJsonObject().get("port") : null;
        if (port != null && port.isJsonPrimitive()) {
          ports.add(port.getAsInt());
        }
      }
    }
    return ports;
  }
}
