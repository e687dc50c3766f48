package io.mcpoperator.operator.reconcile;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.kubernetes.client.extended.controller.reconciler.Reconciler;
import io.kubernetes.client.extended.controller.reconciler.Request;
import io.kubernetes.client.extended.controller.reconciler.Result;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1Secret;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesObject;
import io.mcpoperator.operator.api.McpServerParser;
import io.mcpoperator.operator.api.ResourceMeta;
import io.mcpoperator.operator.api.SecretKeyRef;
import io.mcpoperator.operator.k8s.ApiErrors;
import io.mcpoperator.operator.k8s.ClusterCache;
import io.mcpoperator.operator.k8s.EventRecorder;
import io.mcpoperator.operator.k8s.RegistryCacheStore;
import io.mcpoperator.operator.k8s.ResourceType;
import io.mcpoperator.operator.k8s.StatusWriter;
import io.mcpoperator.operator.mcpregistry.ApiSource;
import io.mcpoperator.operator.mcpregistry.Catalog;
import io.mcpoperator.operator.mcpregistry.CatalogCodec;
import io.mcpoperator.operator.mcpregistry.CatalogSync;
import io.mcpoperator.operator.mcpregistry.ConfigMapSource;
import io.mcpoperator.operator.mcpregistry.RegistryApi;
import io.mcpoperator.operator.mcpregistry.RegistryApiException;
import io.mcpoperator.operator.mcpregistry.RegistryMetrics;
import io.mcpoperator.operator.mcpregistry.RegistrySource;
import io.mcpoperator.operator.mcpregistry.RegistrySpec;
import io.mcpoperator.operator.mcpregistry.RegistryStatus;
import io.mcpoperator.operator.mcpregistry.SyncOutcome;
import io.mcpoperator.operator.mcpregistry.SyncSchedule;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Syncs one MCPRegistry when due ({@link SyncSchedule}): reads its source, merges into the last
 * good catalog, stores the filtered result in ConfigMaps it owns and writes status. A failed sync
 * changes no stored data: status says so and the last good catalog keeps serving.
 */
final class McpRegistryReconciler implements Reconciler {
  private static final Logger LOG = LoggerFactory.getLogger(McpRegistryReconciler.class);
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final ClusterCache cache;
  private final StatusWriter writer;
  private final EventRecorder events;
  private final RegistryCacheStore store;
  private final CoreV1Api core;
  private final Clock clock;
  private final HttpClient http = RegistryApi.defaultHttp();
  private final RegistryMetrics metrics = RegistryMetrics.get();
  private final Map<String, Catalog> catalogs = new ConcurrentHashMap<>();

  McpRegistryReconciler(
      ApiClient client,
      ClusterCache cache,
      StatusWriter writer,
      EventRecorder events,
      Clock clock) {
    this.cache = cache;
    this.writer = writer;
    this.events = events;
    this.store = new RegistryCacheStore(client);
    this.core = new CoreV1Api(client);
    this.clock = clock;
  }

  /** The last good catalog of {@code namespace/name}, as this operator holds it. */
  Optional<Catalog> catalog(String namespace, String name) {
    return Optional.ofNullable(catalogs.get(namespace + "/" + name));
  }

  @Override
  public Result reconcile(Request request) {
    String key = request.getNamespace() + "/" + request.getName();
    Optional<DynamicKubernetesObject> cached =
        cache.get(ResourceType.MCP_REGISTRY, request.getNamespace(), request.getName());
    if (cached.isEmpty()) {
      catalogs.remove(key);
      return new Result(false);
    }
    JsonObject raw = cached.get().getRaw();
    ResourceMeta meta = McpServerParser.meta(raw.getAsJsonObject("metadata"));
    JsonObject status = object(raw, "status");
    Optional<String> requested = annotation(raw, RegistrySpec.SYNC_REQUESTED);
    Instant now = clock.instant();
    RegistrySpec spec;
    try {
      spec = RegistrySpec.read(object(raw, "spec"));
    } catch (IllegalArgumentException | IllegalStateException | UnsupportedOperationException e) {
      return write(
          raw,
          meta,
          status,
          "",
          new SyncOutcome.Failed("InvalidSpec", e.getMessage(), Optional.empty()),
          cacheNames(status),
          requested,
          now,
          Optional.empty());
    }
    Optional<Duration> wait =
        SyncSchedule.wait(status, meta.generation(), requested, spec.syncInterval(), now);
    if (wait.isEmpty()) {
      return new Result(false);
    }
    if (!wait.get().isZero()) {
      return new Result(true, wait.get());
    }
    return sync(key, raw, meta, status, spec, requested, now);
  }

  private Result sync(
      String key,
      JsonObject raw,
      ResourceMeta meta,
      JsonObject status,
      RegistrySpec spec,
      Optional<String> requested,
      Instant now) {
    List<String> previousNames = cacheNames(status);
    Optional<Catalog> last = lastGood(key, meta.namespace(), previousNames);
    boolean specChanged =
        status == null || number(status, "observedGeneration") != meta.generation();
    Catalog base = specChanged ? Catalog.empty() : last.orElse(Catalog.empty());
    String label = meta.namespace() + "/" + meta.name();
    try {
      Catalog next =
          CatalogSync.next(base, source(spec, meta.namespace(), label), CatalogSync.DEFAULT_SKEW);
      Catalog kept = new Catalog(byKey(next.select(spec.filter())), next.watermark());
      List<String> names = store.write(meta, CatalogCodec.encode(kept), previousNames);
      catalogs.put(key, kept);
      metrics.synced(label, true, kept.size(), now);
      events.normal(
          ResourceType.MCP_REGISTRY,
          meta,
          "Synced",
          "synced " + kept.size() + " servers from " + spec.describeSource());
      LOG.info(
          "registry synced namespace={} name={} servers={}",
          meta.namespace(),
          meta.name(),
          kept.size());
      return write(
          raw,
          meta,
          status,
          spec.describeSource(),
          new SyncOutcome.Synced(kept.size()),
          names,
          requested,
          now,
          Optional.of(spec.syncInterval()));
    } catch (RegistryApiException e) {
      String reason =
          switch (e.kind()) {
            case UNAVAILABLE -> "RegistryUnavailable";
            case NOT_FOUND -> "SourceNotFound";
            case INVALID_DATA -> "InvalidRegistryData";
          };
      Optional<Integer> cachedServers = last.map(Catalog::size);
      metrics.synced(label, false, cachedServers.orElse(0), now);
      events.warning(
          ResourceType.MCP_REGISTRY,
          meta,
          "SyncFailed",
          e.getMessage() + (cachedServers.isPresent() ? "; keeping the last good data" : ""));
      LOG.warn(
          "registry sync failed namespace={} name={} reason={} cause=\"{}\"",
          meta.namespace(),
          meta.name(),
          reason,
          e.getMessage());
      return write(
          raw,
          meta,
          status,
          spec.describeSource(),
          new SyncOutcome.Failed(reason, e.getMessage(), cachedServers),
          previousNames,
          requested,
          now,
          Optional.of(SyncSchedule.backoff(failures(status) + 1, spec.syncInterval())));
    } catch (ApiException e) {
      LOG.warn(
          "registry cache not written namespace={} name={}: {}",
          meta.namespace(),
          meta.name(),
          ApiErrors.describe(e));
      return new Result(true);
    }
  }

  private Result write(
      JsonObject raw,
      ResourceMeta meta,
      JsonObject status,
      String source,
      SyncOutcome outcome,
      List<String> names,
      Optional<String> requested,
      Instant now,
      Optional<Duration> next) {
    JsonObject updated =
        RegistryStatus.of(status, meta.generation(), source, outcome, names, requested, now);
    try {
      writer.write(ResourceType.MCP_REGISTRY, raw, updated);
    } catch (ApiException e) {
      LOG.warn(
          "registry status not written namespace={} name={}: {}",
          meta.namespace(),
          meta.name(),
          ApiErrors.describe(e));
      return new Result(true);
    }
    return next.filter(d -> !d.isZero()).map(d -> new Result(true, d)).orElse(new Result(false));
  }

  private Optional<Catalog> lastGood(String key, String namespace, List<String> names) {
    Catalog held = catalogs.get(key);
    if (held != null) {
      return Optional.of(held);
    }
    try {
      Optional<Catalog> stored = store.read(namespace, names).flatMap(CatalogCodec::decode);
      stored.ifPresent(c -> catalogs.put(key, c));
      return stored;
    } catch (ApiException e) {
      return Optional.empty();
    }
  }

  private RegistrySource source(RegistrySpec spec, String namespace, String label)
      throws RegistryApiException {
    if (spec.api().isPresent()) {
      RegistrySpec.ApiRef api = spec.api().get();
      Optional<String> token =
          api.auth().isPresent()
              ? Optional.of(secret(namespace, api.auth().get()))
              : Optional.empty();
      return new ApiSource(
          new RegistryApi(
              http,
              URI.create(api.url()),
              api.apiVersion(),
              token,
              TIMEOUT,
              metrics.observer(label)),
          spec.filter());
    }
    RegistrySpec.ConfigMapRef ref = spec.configMap().get();
    String origin = "configmap " + namespace + "/" + ref.name() + " key " + ref.key();
    try {
      V1ConfigMap map = core.readNamespacedConfigMap(ref.name(), namespace).execute();
      String text = map.getData() == null ? null : map.getData().get(ref.key());
      if (text == null) {
        throw new RegistryApiException(
            RegistryApiException.Kind.NOT_FOUND, origin + " does not exist");
      }
      return new ConfigMapSource(text, ref.format(), origin);
    } catch (ApiException e) {
      throw new RegistryApiException(
          e.getCode() == 404
              ? RegistryApiException.Kind.NOT_FOUND
              : RegistryApiException.Kind.UNAVAILABLE,
          origin + " could not be read: HTTP " + e.getCode());
    }
  }

  private String secret(String namespace, SecretKeyRef ref) throws RegistryApiException {
    try {
      V1Secret secret = core.readNamespacedSecret(ref.name(), namespace).execute();
      byte[] value = secret.getData() == null ? null : secret.getData().get(ref.key());
      if (value == null) {
        throw new RegistryApiException(
            RegistryApiException.Kind.NOT_FOUND,
            "secret " + namespace + "/" + ref.name() + " has no key " + ref.key());
      }
      return new String(value, StandardCharsets.UTF_8).trim();
    } catch (ApiException e) {
      throw new RegistryApiException(
          RegistryApiException.Kind.NOT_FOUND,
          "secret " + namespace + "/" + ref.name() + " could not be read: HTTP " + e.getCode());
    }
  }

  private static Map<String, io.mcpoperator.operator.mcpregistry.RegistryEntry> byKey(
      List<io.mcpoperator.operator.mcpregistry.RegistryEntry> entries) {
    Map<String, io.mcpoperator.operator.mcpregistry.RegistryEntry> out = new java.util.HashMap<>();
    entries.forEach(e -> out.put(e.key(), e));
    return out;
  }

  private static List<String> cacheNames(JsonObject status) {
    List<String> names = new ArrayList<>();
    JsonElement cache = status == null ? null : status.get("cache");
    if (cache != null && cache.isJsonArray()) {
      cache.getAsJsonArray().forEach(n -> names.add(n.getAsString()));
    }
    return names;
  }

  private static long failures(JsonObject status) {
    return Math.max(0, number(status, "consecutiveFailures"));
  }

  private static long number(JsonObject object, String field) {
    JsonElement e = object == null ? null : object.get(field);
    return e != null && e.isJsonPrimitive() ? e.getAsLong() : -1;
  }

  private static JsonObject object(JsonObject parent, String field) {
    JsonElement e = parent.get(field);
    return e != null && e.isJsonObject() ? e.getAsJsonObject() : null;
  }

  private static Optional<String> annotation(JsonObject raw, String name) {
    JsonObject annotations = object(raw.getAsJsonObject("metadata"), "annotations");
    JsonElement value = annotations == null ? null : annotations.get(name);
    return value != null && value.isJsonPrimitive()
        ? Optional.of(value.getAsString())
        : Optional.empty();
  }
}
