package io.mcpoperator.operator.mcpregistry;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.mcpoperator.operator.api.DurationParser;
import io.mcpoperator.operator.api.SecretKeyRef;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The spec of an MCPRegistry, read from its JSON (the CRD has applied defaults and checks). */
public record RegistrySpec(
    Optional<ApiRef> api,
    Optional<ConfigMapRef> configMap,
    Duration syncInterval,
    RegistryFilter filter) {

  /** The annotation whose change asks for a sync now (the only trigger when syncInterval is 0). */
  public static final String SYNC_REQUESTED = "mcpoperator.io/sync-requested";

  /** {@code spec.source.api}. */
  public record ApiRef(String url, String apiVersion, Optional<SecretKeyRef> auth) {}

  /** {@code spec.source.configMap}. */
  public record ConfigMapRef(String name, String key, ConfigMapSource.Format format) {}

  /** The spec in {@code spec}, or a message saying what is wrong with it. */
  public static RegistrySpec read(JsonObject spec) {
    JsonObject source = object(spec, "source");
    Optional<ApiRef> api =
        optionalObject(source, "api")
            .map(
                a ->
                    new ApiRef(
                        text(a, "url")
                            .orElseThrow(
                                () ->
                                    new IllegalArgumentException(
                                        "spec.source.api.url is required")),
                        text(a, "apiVersion").orElse("v0.1"),
                        optionalObject(a, "authSecretRef")
                            .map(
                                r ->
                                    new SecretKeyRef(
                                        text(r, "name").orElse(""), text(r, "key").orElse("")))));
    Optional<ConfigMapRef> configMap =
        optionalObject(source, "configMap")
            .map(
                c ->
                    new ConfigMapRef(
                        text(c, "name").orElse(""),
                        text(c, "key").orElse(""),
                        ConfigMapSource.Format.of(text(c, "format").orElse("serverList"))));
    if (api.isPresent() == configMap.isPresent()) {
      throw new IllegalArgumentException("spec.source sets exactly one of api and configMap");
    }
    String interval = text(spec, "syncInterval").orElse("1h");
    Duration every =
        "0".equals(interval)
            ? Duration.ZERO
            : DurationParser.parse(interval)
                .orElseThrow(
                    () ->
                        new IllegalArgumentException(
                            "spec.syncInterval " + interval + " is not a duration"));
    JsonObject filter = optionalObject(spec, "filter").orElse(new JsonObject());
    return new RegistrySpec(
        api,
        configMap,
        every,
        new RegistryFilter(
            strings(filter, "include"),
            strings(filter, "exclude"),
            text(filter, "search").filter(s -> !s.isBlank()),
            filter.has("latestOnly") && filter.get("latestOnly").getAsBoolean(),
            new LinkedHashSet<>(strings(filter, "statuses")),
            Set.copyOf(strings(filter, "packageTypes"))));
  }

  /** How the source reads in status and the SOURCE column. */
  public String describeSource() {
    return api.map(ApiRef::url)
        .orElseGet(() -> "configmap/" + configMap.get().name() + "#" + configMap.get().key());
  }

  private static JsonObject object(JsonObject parent, String name) {
    return optionalObject(parent, name)
        .orElseThrow(() -> new IllegalArgumentException("spec." + name + " is required"));
  }

  private static Optional<JsonObject> optionalObject(JsonObject parent, String name) {
    JsonElement e = parent == null ? null : parent.get(name);
    return e != null && e.isJsonObject() ? Optional.of(e.getAsJsonObject()) : Optional.empty();
  }

  private static Optional<String> text(JsonObject parent, String name) {
    JsonElement e = parent.get(name);
    return e != null && e.isJsonPrimitive() ? Optional.of(e.getAsString()) : Optional.empty();
  }

  private static List<String> strings(JsonObject parent, String name) {
    List<String> out = new ArrayList<>();
    JsonElement e = parent.get(name);
    if (e != null && e.isJsonArray()) {
      e.getAsJsonArray().forEach(item -> out.add(item.getAsString()));
    }
    return out;
  }
}
