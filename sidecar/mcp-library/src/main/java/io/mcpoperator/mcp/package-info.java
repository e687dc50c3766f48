/**
 * A small MCP server library on Helidon SE 4: JSON-RPC ({@code jsonrpc}), sessions ({@code
 * session}) and the HTTP transports ({@code transport}). Nothing here is specific to the gateway.
 *
 * <p>A server implements {@link io.mcpoperator.mcp.McpBackend}; {@link
 * io.mcpoperator.mcp.transport.McpHttpEndpoint} serves it. Protocol plumbing (initialize and
 * version negotiation, sessions, ping, logging/setLevel, cancellation, timeouts, JSON or SSE
 * answers, resumption) is done for it.
 *
 * <pre>{@code
 * McpBackend echo = new McpBackend() {
 *   public ServerIdentity identity() {
 *     return new ServerIdentity(
 *         Json.object().add("name", "echo").add("version", "1.0").build(),
 *         Json.object().add("tools", Json.object()).build(),
 *         Optional.empty());
 *   }
 *
 *   public JsonObject handle(McpRequest request) throws McpException {
 *     return switch (request.method()) {
 *       case "tools/list" -> Json.object().add("tools", Json.array()).build();
 *       case "tools/call" -> {
 *         request.progressToken().ifPresent(token -> request.notify("notifications/progress",
 *             Json.object().add("progressToken", token).add("progress", 1).build()));
 *         yield Json.object().add("content", Json.array()).build();
 *       }
 *       default -> throw new McpException(JsonRpcError.methodNotFound(request.method()));
 *     };
 *   }
 * };
 * McpHttpEndpoint endpoint = McpHttpEndpoint.builder()
 *     .backend(echo)
 *     .limits(TransportLimits.defaults())          // body cap, timeout, concurrency, keep-alive
 *     .allowedOrigins(List.of())                   // loopback origins only
 *     .build();                                    // in-memory sessions by default
 * WebServer server = WebServer.builder()
 *     .host("127.0.0.1").port(8080)
 *     .routing(routing -> routing.register(endpoint))  // POST/GET/DELETE /mcp, GET /sse, POST /messages
 *     .build()
 *     .start();
 * endpoint.clients().notifyAll("notifications/tools/list_changed", JsonValue.EMPTY_JSON_OBJECT, s -> true);
 * }</pre>
 */
package io.mcpoperator.mcp;
