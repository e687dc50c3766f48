/**
 * The MCP Registry (official registry API v0.1, and sub-registries speaking it): its server entries
 * as typed records ({@link RegistryEntry}) and a client that lists and looks them up ({@link
 * RegistryApi}). Issue 11's first part; the MCPRegistry kind and {@code MCPServer.spec.registry}
 * are built on it.
 */
package io.mcpoperator.operator.mcpregistry;
