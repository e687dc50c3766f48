package io.mcpoperator.operator.k8s;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.JSON;
import io.kubernetes.client.util.generic.GenericKubernetesApi;
import io.kubernetes.client.util.generic.KubernetesApiResponse;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesListObject;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesObject;
import io.kubernetes.client.util.generic.options.CreateOptions;
import io.mcpoperator.operator.api.ResourceMeta;
import io.mcpoperator.operator.desired.Children;
import io.mcpoperator.operator.status.ReconcileOutcome;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Creates, updates and deletes the children of one MCPServer. Observed objects come from the cache
 * (or a GET on a miss); an object is written only when the desired fields are not already a subset
 * of it ({@link JsonSubset}). Objects of the same name that this MCPServer does not own are never
 * touched.
 */
public final class ChildApplier {

  private final ApiClient client;
  private final ClusterCache cache;

  public ChildApplier(ApiClient client, ClusterCache cache) {
    this.client = client;
    this.cache = cache;
  }

  /** What the apply did, child by child, and whether it could do everything. */
  public record Applied(ReconcileOutcome outcome, List<ChildChange> changes) {}

  /**
   * Makes the cluster hold {@code children} for {@code owner}; deletes owned children of kinds that
   * are no longer desired. API errors other than a name conflict are thrown.
   */
  public Applied apply(ResourceMeta owner, Children children) throws ApiException {
    List<ChildChange> changes = new ArrayList<>();
    Set<String> desiredKeys = new HashSet<>();
    for (KubernetesObject child : children.all()) {
      JsonObject desired = JSON.getGson().toJsonTree(child).getAsJsonObject();
      ResourceType type = typeOf(child);
      desired.addProperty("apiVersion", type.apiVersion());
      desired.addProperty("kind", type.kind());
      String name = desired.getAsJsonObject("metadata").get("name").getAsString();
      desiredKeys.add(type.kind() + "/" + name);
      Optional<JsonObject> observed = observe(type, owner.namespace(), name);
      if (observed.isEmpty()) {
        call(type.api(client).create(owner.namespace(), dynamic(desired), new CreateOptions()));
        changes.add(new ChildChange(ChildChange.Verb.CREATED, type.kind(), name));
      } else if (!isOwnedBy(observed.get(), owner)) {
        return new Applied(
            ReconcileOutcome.failed(
                "NameConflict",
                type.kind()
                    + " "
                    + name
                    + " already exists and is not owned by this MCPServer: rename the MCPServer or"
                    + " remove the existing object"),
            changes);
      } else if (selectorChanged(type, observed.get(), desired)) {
        recreate(type, owner, name, desired);
        changes.add(new ChildChange(ChildChange.Verb.DELETED, type.kind(), name));
        changes.add(new ChildChange(ChildChange.Verb.CREATED, type.kind(), name));
      } else if (!JsonSubset.contains(observed.get(), desired)) {
        call(type.api(client).update(dynamic(JsonSubset.merge(observed.get(), desired))));
        changes.add(new ChildChange(ChildChange.Verb.UPDATED, type.kind(), name));
      }
    }
    changes.addAll(deleteUndesired(owner, desiredKeys));
    return new Applied(ReconcileOutcome.ok(), changes);
  }

  /**
   * True when a Deployment's pod selector differs from the desired one. The selector is immutable,
   * so an update would be refused forever: this happens once, to Deployments an earlier version of
   * this operator created with other selector labels.
   */
  static boolean selectorChanged(ResourceType type, JsonObject observed, JsonObject desired) {
    if (type != ResourceType.DEPLOYMENT) {
      return false;
    }
    JsonElement was = selectorOf(observed);
    return was != null && !was.equals(selectorOf(desired));
  }

  private static JsonElement selectorOf(JsonObject object) {
    JsonObject spec = object.getAsJsonObject("spec");
    return spec == null ? null : spec.get("selector");
  }

  /**
   * Deletes and creates a child in one pass. The deletion propagates in the background: the old
   * ReplicaSets and pods go while the new Deployment starts its own.
   */
  private void recreate(ResourceType type, ResourceMeta owner, String name, JsonObject desired)
      throws ApiException {
    KubernetesApiResponse<DynamicKubernetesObject> deleted =
        type.api(client).delete(owner.namespace(), name);
    if (deleted.getHttpStatusCode() != 404) {
      deleted.throwsApiException();
    }
    call(type.api(client).create(owner.namespace(), dynamic(desired), new CreateOptions()));
  }

  /** Scales the owner's Deployment to zero replicas; true when a write was needed. */
  public boolean scaleToZero(ResourceMeta owner) throws ApiException {
    for (DynamicKubernetesObject deployment : owned(ResourceType.DEPLOYMENT, owner)) {
      JsonObject raw = deployment.getRaw();
      JsonElement replicas = raw.getAsJsonObject("spec").get("replicas");
      if (replicas == null || replicas.getAsInt() != 0) {
        JsonObject zero = new JsonObject();
        JsonObject spec = new JsonObject();
        spec.addProperty("replicas", 0);
        zero.add("spec", spec);
        call(ResourceType.DEPLOYMENT.api(client).update(dynamic(JsonSubset.merge(raw, zero))));
        return true;
      }
    }
    return false;
  }

  private List<ChildChange> deleteUndesired(ResourceMeta owner, Set<String> desiredKeys)
      throws ApiException {
    List<ChildChange> deleted = new ArrayList<>();
    for (ResourceType type : ResourceType.CHILDREN) {
      for (DynamicKubernetesObject child : owned(type, owner)) {
        String name = child.getMetadata().getName();
        if (!desiredKeys.contains(type.kind() + "/" + name)) {
          KubernetesApiResponse<DynamicKubernetesObject> response =
              type.api(client).delete(owner.namespace(), name);
          if (response.getHttpStatusCode() != 404) {
            response.throwsApiException();
          }
          deleted.add(new ChildChange(ChildChange.Verb.DELETED, type.kind(), name));
        }
      }
    }
    return deleted;
  }

  private List<DynamicKubernetesObject> owned(ResourceType type, ResourceMeta owner) {
    return cache.list(type, owner.namespace()).stream()
        .filter(o -> isOwnedBy(o.getRaw(), owner))
        .toList();
  }

  private Optional<JsonObject> observe(ResourceType type, String namespace, String name)
      throws ApiException {
    Optional<DynamicKubernetesObject> cached = cache.get(type, namespace, name);
    if (cached.isPresent()) {
      return Optional.of(cached.get().getRaw());
    }
    GenericKubernetesApi<DynamicKubernetesObject, DynamicKubernetesListObject> api =
        type.api(client);
    KubernetesApiResponse<DynamicKubernetesObject> response = api.get(namespace, name);
    if (response.getHttpStatusCode() == 404) {
      return Optional.empty();
    }
    return Optional.of(response.throwsApiException().getObject().getRaw());
  }

  /** True when {@code object} has an owner reference to {@code owner}. */
  public static boolean isOwnedBy(JsonObject object, ResourceMeta owner) {
    JsonObject metadata = object.getAsJsonObject("metadata");
    JsonArray refs = metadata == null ? null : metadata.getAsJsonArray("ownerReferences");
    if (refs == null) {
      return false;
    }
    for (JsonElement ref : refs) {
      JsonElement uid = ref.getAsJsonObject().get("uid");
      if (uid != null && owner.uid().equals(uid.getAsString())) {
        return true;
      }
    }
    return false;
  }

  private static ResourceType typeOf(KubernetesObject child) {
    String kind = child.getClass().getSimpleName().replaceFirst("^V\\d+", "");
    return ResourceType.childOfKind(kind)
        .orElseThrow(() -> new IllegalArgumentException("not a child kind: " + kind));
  }

  private static DynamicKubernetesObject dynamic(JsonObject json) {
    return new DynamicKubernetesObject(json);
  }

  private static void call(KubernetesApiResponse<DynamicKubernetesObject> response)
      throws ApiException {
    response.throwsApiException();
  }
}
