package io.mcpoperator.operator.reconcile;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesObject;
import io.mcpoperator.operator.api.McpServer;
import io.mcpoperator.operator.api.ServerRegistry;
import io.mcpoperator.operator.api.ServerRegistryStatus;
import io.mcpoperator.operator.k8s.ApiErrors;
import io.mcpoperator.operator.k8s.ClusterCache;
import io.mcpoperator.operator.k8s.RegistryCacheStore;
import io.mcpoperator.operator.k8s.ResourceType;
import io.mcpoperator.operator.mcpregistry.Catalog;
import io.mcpoperator.operator.mcpregistry.CatalogCodec;
import io.mcpoperator.operator.mcpregistry.EntryDigest;
import io.mcpoperator.operator.mcpregistry.EntryResolution;
import io.mcpoperator.operator.mcpregistry.InputValue;
import io.mcpoperator.operator.mcpregistry.Inputs;
import io.mcpoperator.operator.mcpregistry.PackageType;
import io.mcpoperator.operator.mcpregistry.RegistryLookup;
import io.mcpoperator.operator.mcpregistry.Resolution;
import io.mcpoperator.operator.mcpregistry.ResolveReason;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Resolves an MCPServer's {@code spec.registry} against the MCPRegistry it names: the registry from
 * the informer cache, its last good catalog from the cache ConfigMaps the MCPRegistry controller
 * wrote (read from the API, decoded once per MCPRegistry resourceVersion). Never calls a registry
 * over the network.
 */
final class RegistryResolver {
  private final ClusterCache cache;
  private final CatalogSource catalogs;
  private final RegistryLookup lookup;
  private final Map<String, Decoded> decoded = new LinkedHashMap<>();

  /** Reads the chunks of a registry's cache; empty when one is missing. */
  interface CatalogSource {
    Optional<List<byte[]>> read(String namespace, List<String> names) throws ApiException;
  }

  private record Decoded(String resourceVersion, Optional<Catalog> catalog) {}

  RegistryResolver(ClusterCache cache, RegistryCacheStore store, RegistryLookup lookup) {
    this(cache, store::read, lookup);
  }

  RegistryResolver(ClusterCache cache, CatalogSource catalogs, RegistryLookup lookup) {
    this.cache = cache;
    this.catalogs = catalogs;
    this.lookup = lookup;
  }

  EntryResolution resolve(McpServer server) {
    ServerRegistry wanted = server.spec().registry().orElseThrow();
    String version = version(server, wanted);
    if (wanted.registryRef().isEmpty()) {
      return refused(
          wanted,
          version,
          ResolveReason.URL_NOT_SUPPORTED,
          "spec.registry.url is not supported yet: create an MCPRegistry with spec.source.api.url "
              + wanted.url().orElseThrow()
              + " and name it in spec.registry.registryRef");
    }
    String namespace = server.meta().namespace();
    String name = wanted.registryRef().get();
    Optional<DynamicKubernetesObject> registry =
        cache.get(ResourceType.MCP_REGISTRY, namespace, name);
    if (registry.isEmpty()) {
      return refused(
          wanted,
          version,
          ResolveReason.REGISTRY_NOT_FOUND,
          "MCPRegistry \"" + name + "\" not found in namespace " + namespace);
    }
    JsonObject status = object(registry.get().getRaw(), "status");
    Optional<Catalog> catalog;
    try {
      catalog = catalog(namespace, name, registry.get(), status);
    } catch (ApiException e) {
      return refused(
          wanted,
          version,
          ResolveReason.REGISTRY_UNAVAILABLE,
          "cannot read the cache of MCPRegistry \"" + name + "\": " + ApiErrors.describe(e));
    }
    Resolution resolution =
        lookup.resolve(name, catalog, wanted.name(), version, preference(wanted), inputs(wanted));
    if (resolution instanceof Resolution.Resolved r && r.spec().remote()) {
      resolution =
          new Resolution.Refused(
              ResolveReason.UNSUPPORTED_PACKAGE_TYPE,
              "server \""
                  + wanted.name()
                  + "\" resolves to a remote ("
                  + r.spec().remoteUrl().orElse("")
                  + "), which the operator does not proxy yet: list oci, npm or pypi in"
                  + " spec.registry.packagePreference if the entry has such a package");
    }
    Optional<String> digest =
        catalog.flatMap(c -> c.find(wanted.name(), version)).map(EntryDigest::of);
    boolean syncing = status != null && bool(status, "synced");
    return new EntryResolution(
        name, wanted.name(), wanted.version(), resolution, digest, catalog.isPresent() && !syncing);
  }

  /** The version to look up: a pinned {@code latest} stays at the version resolved first. */
  private static String version(McpServer server, ServerRegistry wanted) {
    if (wanted.updatePolicy() != ServerRegistry.UpdatePolicy.PINNED
        || !ServerRegistry.LATEST.equals(wanted.version())) {
      return wanted.version();
    }
    return server
        .status()
        .flatMap(s -> s.registryStatus())
        .filter(r -> wanted.registryName().equals(r.registry()))
        .filter(r -> wanted.name().equals(r.serverName()))
        .map(ServerRegistryStatus::resolvedVersion)
        .orElse(wanted.version());
  }

  private synchronized Optional<Catalog> catalog(
      String namespace, String name, DynamicKubernetesObject registry, JsonObject status)
      throws ApiException {
    String key = namespace + "/" + name;
    String version = String.valueOf(registry.getMetadata().getResourceVersion());
    Decoded known = decoded.get(key);
    if (known != null && known.resourceVersion().equals(version)) {
      return known.catalog();
    }
    List<String> names = new ArrayList<>();
    JsonElement cacheNames = status == null ? null : status.get("cache");
    if (cacheNames != null && cacheNames.isJsonArray()) {
      cacheNames.getAsJsonArray().forEach(n -> names.add(n.getAsString()));
    }
    Optional<Catalog> catalog = catalogs.read(namespace, names).flatMap(CatalogCodec::decode);
    decoded.put(key, new Decoded(version, catalog));
    return catalog;
  }

  /** Forgets the decoded catalog of a registry no server may name any more. */
  synchronized void forget(String namespace, String name) {
    decoded.remove(namespace + "/" + name);
  }

  private static List<PackageType> preference(ServerRegistry wanted) {
    if (wanted.packagePreference().isEmpty()) {
      return PackageType.DEFAULT_PREFERENCE;
    }
    return wanted.packagePreference().stream().flatMap(w -> PackageType.of(w).stream()).toList();
  }

  private static Inputs inputs(ServerRegistry wanted) {
    Map<String, InputValue> values = new LinkedHashMap<>();
    wanted
        .inputs()
        .forEach(
            (name, input) ->
                values.put(
                    name,
                    input
                        .secretKeyRef()
                        .<InputValue>map(InputValue.FromSecret::new)
                        .orElseGet(() -> new InputValue.Literal(input.value().orElse("")))));
    return new Inputs(values, wanted.secretRef());
  }

  private static EntryResolution refused(
      ServerRegistry wanted, String version, ResolveReason reason, String message) {
    return new EntryResolution(
        wanted.registryName(),
        wanted.name(),
        wanted.version(),
        new Resolution.Refused(reason, message),
        Optional.empty(),
        false);
  }

  private static JsonObject object(JsonObject parent, String field) {
    JsonElement e = parent == null ? null : parent.get(field);
    return e != null && e.isJsonObject() ? e.getAsJsonObject() : null;
  }

  private static boolean bool(JsonObject object, String field) {
    JsonElement e = object.get(field);
    return e != null && e.isJsonPrimitive() && e.getAsBoolean();
  }
}
