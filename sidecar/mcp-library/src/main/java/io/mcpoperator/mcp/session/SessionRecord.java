package io.mcpoperator.mcp.session;

import io.mcpoperator.mcp.jsonrpc.Json;
import jakarta.json.JsonObject;
import java.util.Optional;

/**
 * The state of one client session that any replica needs to serve it: what initialize negotiated
 * plus what the client changed since ({@code logging/setLevel}).
 *
 * @param legacySse true for sessions of the legacy HTTP+SSE transport (responses go on the stream)
 */
public record SessionRecord(
    String id,
    String protocolVersion,
    JsonObject clientInfo,
    JsonObject capabilities,
    Optional<String> logLevel,
    boolean legacySse) {

  /** The view handed to backends. */
  public ClientSession client() {
    return new ClientSession(Optional.of(id), protocolVersion, clientInfo, capabilities, logLevel);
  }

  public SessionRecord withLogLevel(String level) {
    return new SessionRecord(
        id, protocolVersion, clientInfo, capabilities, Optional.of(level), legacySse);
  }

  public SessionRecord withHandshake(
      String version, JsonObject newClientInfo, JsonObject newCapabilities) {
    return new SessionRecord(id, version, newClientInfo, newCapabilities, logLevel, legacySse);
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
        json.getBoolean("legacySse", false));
  }
}
