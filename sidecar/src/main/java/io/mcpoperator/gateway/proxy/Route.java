package io.mcpoperator.gateway.proxy;

import io.mcpoperator.mcp.McpRequest;
import io.mcpoperator.mcp.jsonrpc.JsonRpcMessage;
import jakarta.json.JsonValue;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A client request forwarded upstream under a gateway id: where its response, progress and related
 * server requests go back to.
 *
 * @param upstreamId the id the upstream sees (also used as the progress token)
 * @param client the client request being served
 * @param progressToken the client's own progress token, restored on progress notifications
 * @param response completed with the upstream's response
 */
record Route(
    String upstreamId,
    McpRequest client,
    Optional<JsonValue> progressToken,
    CompletableFuture<JsonRpcMessage.Response> response) {}
