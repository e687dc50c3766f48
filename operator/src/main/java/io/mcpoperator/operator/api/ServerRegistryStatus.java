package io.mcpoperator.operator.api;

import com.google.gson.JsonObject;
import java.util.Optional;

/**
 * {@code MCPServer.status.registry}: which registry entry the server runs. The resolved fields are
 * absent ({@code null}) until an entry was resolved; no secret value is ever in here.
 */
public record ServerRegistryStatus(
    String registry,
    String serverName,
    String requestedVersion,
    String resolvedVersion,
    String packageType,
    String identifier,
    String specDigest,
    boolean usingCachedSpec) {

  /** True when an entry was resolved and its run spec applied at some point. */
  public boolean resolvedOnce() {
    return specDigest != null;
  }

  /** The same entry, flagged as running the spec resolved earlier. */
  public ServerRegistryStatus cached() {
    return new ServerRegistryStatus(
        registry,
        serverName,
        requestedVersion,
        resolvedVersion,
        packageType,
        identifier,
        specDigest,
        true);
  }

  public JsonObject toJson() {
    JsonObject json = new JsonObject();
    add(json, "registry", registry);
    add(json, "serverName", serverName);
    add(json, "requestedVersion", requestedVersion);
    add(json, "resolvedVersion", resolvedVersion);
    add(json, "packageType", packageType);
    add(json, "identifier", identifier);
    add(json, "specDigest", specDigest);
    json.addProperty("usingCachedSpec", usingCachedSpec);
    return json;
  }

  static Optional<ServerRegistryStatus> fromJson(JsonFields f) {
    if (f.object("registry").isEmpty()) {
      return Optional.empty();
    }
    JsonFields r = f.nested("registry");
    return Optional.of(
        new ServerRegistryStatus(
            r.text("registry").orElse(null),
            r.text("serverName").orElse(null),
            r.text("requestedVersion").orElse(null),
            r.text("resolvedVersion").orElse(null),
            r.text("packageType").orElse(null),
            r.text("identifier").orElse(null),
            r.text("specDigest").orElse(null),
            r.bool("usingCachedSpec", false)));
  }

  private static void add(JsonObject json, String field, String value) {
    if (value != null) {
      json.addProperty(field, value);
    }
  }
}
