package io.mcpoperator.mcp.session;

import io.mcpoperator.mcp.jsonrpc.Json;
import jakarta.json.JsonObject;
import java.util.Optional;

/**
 * The state of one client session that any replica needs to serve it: what initialize negotiated
 * plus what the client changed since ({@code logging/setLevel}).
 *
 * @param legacySse true for sessions of the legacy HTTP+SSE transport (responses go on the stream)
 * @param owner the caller the session is bound to (e.g. {@code iss + sub}); empty: anonymous
 */
public record SessionRecord(
    String id,
    String protocolVersion,
    JsonObject clientInfo,
    JsonObject capabilities,
    Optional<String> logLevel,
    boolean legacySse,
    Optional<String> owner) {

  /** A session of an anonymous caller. */
  public SessionRecord(
      String id,
      String protocolVersion,
      JsonObject clientInfo,
      JsonObject capabilities,
      Optional<String> logLevel,
      boolean legacySse) {
    this(id, protocolVersion, clientInfo, capabilities, logLevel, legacySse, Optional.empty());
  }

  /** The same session, belonging to {@code caller} (see {@code RequestGuard#owner}). */
  public SessionRecord ownedBy(Optional<String> caller) {
    return new SessionRecord(
        id, protocolVersion, clientInfo, capabilities, logLevel, legacySse, caller);
  }

  /** The view handed to backends. */
  public ClientSession client() {
    return new ClientSession(Optional.of(id), protocolVersion, clientInfo, capabilities, logLevel);
  }

  public SessionRecord withLogLevel(String level) {
    return new SessionRecord(
        id, protocolVersion, clientInfo, capabilities, Optional.of(level), legacySse, owner);
  }

  public SessionRecord withHandshake(
      String version, JsonObject newClientInfo, JsonObject newCapabilities) {
    return new SessionRecord(
        id, version, newClientInfo, newCapabilities, logLevel, legacySse, owner);
  }

  /** JSON form, for stores that keep sessions outside the JVM. */
  public JsonObject toJson() {
    var builder =
        Json.object()
            .add("id", id)
            .add("protocolVersion", protocolVersion)
            .add("clientInfo", clientInfo)
            .add("capabilities", capabilities)
            .add("legacySse", legacySse);
    logLevel.ifPresent(l -> builder.add("logLevel", l));
    owner.ifPresent(o -> builder.add("owner", o));
    return builder.build();
  }

  /** Reads {@link #toJson()}'s form back. */
  public static SessionRecord fromJson(JsonObject json) {
    return new SessionRecord(
        json.getString("id"),
        json.getString("protocolVersion"),
        Json.object(json, "clientInfo").orElse(JsonObject.EMPTY_JSON_OBJECT),
        Json.object(json, "capabilities").orElse(JsonObject.EMPTY_JSON_OBJECT),
        Json.string(json, "logLevel"),
        json.getBoolean("legacySse", false),
        Json.string(json, "owner"));
  }
}
