package io.mcpoperator.gateway.auth;

import io.mcpoperator.gateway.config.AuthConfig.ForwardIdentity;
import io.mcpoperator.mcp.McpRequest;
import io.mcpoperator.mcp.jsonrpc.JsonRpcMessage;
import io.mcpoperator.mcp.session.ClientSession;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A client request as the gateway's backends see it when auth is on: the client's {@code
 * Authorization} is gone (never passed upstream), and the identity headers of {@code
 * forwardIdentity} carry the caller's principal and groups, whatever the client sent in them.
 */
record CallerRequest(
    McpRequest parent, Optional<Caller> caller, ForwardIdentity identity, String groupsClaim)
    implements McpRequest {

  @Override
  public Optional<String> httpHeader(String name) {
    if (name.equalsIgnoreCase("Authorization")) {
      return Optional.empty();
    }
    if (identity.subjectHeader().filter(name::equalsIgnoreCase).isPresent()) {
      return caller.map(Caller::principal);
    }
    if (identity.groupsHeader().filter(name::equalsIgnoreCase).isPresent()) {
      return caller
          .map(c -> String.join(",", c.claimValues(groupsClaim)))
          .filter(g -> !g.isEmpty());
    }
    return parent.httpHeader(name);
  }

  @Override
  public <T> Optional<T> attribute(Class<T> type) {
    return parent.attribute(type);
  }

  @Override
  public String method() {
    return parent.method();
  }

  @Override
  public JsonObject params() {
    return parent.params();
  }

  @Override
  public JsonValue id() {
    return parent.id();
  }

  @Override
  public ClientSession session() {
    return parent.session();
  }

  @Override
  public void notify(String method, JsonObject params) {
    parent.notify(method, params);
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
