package io.mcpoperator.gateway.aggregate;

import io.mcpoperator.mcp.McpRequest;
import io.mcpoperator.mcp.jsonrpc.JsonRpcMessage;
import io.mcpoperator.mcp.session.ClientSession;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A request the gateway sends to the upstream on behalf of a client request (e.g. the rest of a
 * paginated list): same session and cancellation, its own method and params.
 */
record DerivedRequest(McpRequest parent, String method, JsonObject params) implements McpRequest {

  @Override
  public JsonValue id() {
    return parent.id();
  }

  @Override
  public ClientSession session() {
    return parent.session();
  }

  @Override
  public Optional<String> httpHeader(String name) {
    return parent.httpHeader(name);
  }

  @Override
  public void notify(String method, JsonObject params) {
    // progress of internal requests is not the client's business
  }

  @Override
  public CompletableFuture<JsonRpcMessage.Response> request(String method, JsonObject params) {
    return parent.request(method, params);
  }

  @Override
  public boolean cancelled() {
    return parent.cancelled();
  }

  @Override
  public void onCancel(Runnable action) {
    parent.onCancel(action);
  }
}
