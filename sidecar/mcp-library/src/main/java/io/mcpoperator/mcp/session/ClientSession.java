package io.mcpoperator.mcp.session;

import jakarta.json.JsonObject;
import java.util.Optional;

/**
 * Who sent a request: the client's session as negotiated by initialize, or, for a stateless
 * (2026-07-28) request, what its {@code _meta} declared.
 *
 * @param id the {@code Mcp-Session-Id}; empty for stateless requests
 * @param protocolVersion the negotiated (or declared) protocol revision
 * @param clientInfo the client's {@code clientInfo} ({@code name}, {@code version})
 * @param capabilities the client's capabilities (sampling, elicitation, roots, ...)
 * @param logLevel the level the client asked for with {@code logging/setLevel}, if any
 */
public record ClientSession(
    Optional<String> id,
    String protocolVersion,
    JsonObject clientInfo,
    JsonObject capabilities,
    Optional<String> logLevel) {

  /** True when the client declared the capability {@code name} (e.g. "sampling"). */
  public boolean hasCapability(String name) {
    return capabilities.containsKey(name);
  }
}
