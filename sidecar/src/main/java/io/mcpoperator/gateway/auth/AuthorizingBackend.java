package io.mcpoperator.gateway.auth;

import io.mcpoperator.gateway.auth.AccessRules.Decision;
import io.mcpoperator.gateway.auth.AccessRules.Kind;
import io.mcpoperator.gateway.auth.AuthDecisions.Reason;
import io.mcpoperator.gateway.config.AuthConfig.ForwardIdentity;
import io.mcpoperator.mcp.McpBackend;
import io.mcpoperator.mcp.McpClients;
import io.mcpoperator.mcp.McpException;
import io.mcpoperator.mcp.McpRequest;
import io.mcpoperator.mcp.ServerIdentity;
import io.mcpoperator.mcp.jsonrpc.Json;
import io.mcpoperator.mcp.jsonrpc.JsonRpcError;
import io.mcpoperator.mcp.jsonrpc.JsonRpcMessage;
import io.mcpoperator.mcp.session.ClientSession;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Optional;

/**
 * The gateway's backend behind the rules: {@code tools/call}, {@code prompts/get} and {@code
 * resources/read} (and subscribe) of what the caller may not use are answered exactly like unknown
 * names (the gateway's own errors), and {@code tools/list}, {@code prompts/list}, {@code
 * resources/list} and {@code resources/templates/list} leave such items out — the same decision for
 * both. Every request reaches the backend as a {@link CallerRequest}.
 */
final class AuthorizingBackend implements McpBackend {
  /** The gateway's error for an unknown resource (as {@code ResourceReader}'s). */
  private static final int RESOURCE_NOT_FOUND = -32002;

  private final McpBackend delegate;
  private final AccessRules rules;
  private final ForwardIdentity identity;
  private final String groupsClaim;
  private final AuthDecisions decisions;

  AuthorizingBackend(
      McpBackend delegate,
      AccessRules rules,
      ForwardIdentity identity,
      String groupsClaim,
      AuthDecisions decisions) {
    this.delegate = delegate;
    this.rules = rules;
    this.identity = identity;
    this.groupsClaim = groupsClaim;
    this.decisions = decisions;
  }

  @Override
  public JsonObject handle(McpRequest request) throws McpException {
    Optional<Caller> caller = request.attribute(Caller.class);
    var wrapped = new CallerRequest(request, caller, identity, groupsClaim);
    if (!rules.active() || caller.isEmpty()) {
      return delegate.handle(wrapped);
    }
    Optional<Target> target = Target.of(request.method(), request.params());
    if (target.isPresent()) {
      Decision d = rules.decide(caller.get(), target.get().kind(), target.get().name());
      if (!(d instanceof Decision.Allowed)) {
        decisions.denied(
            Reason.NOT_ALLOWED, caller, request.method(), target.get().name(), "rules");
        throw new McpException(unknown(target.get()));
      }
      decisions.allowed(Reason.RULE);
      return delegate.handle(wrapped);
    }
    JsonObject result = delegate.handle(wrapped);
    return switch (request.method()) {
      case "tools/list" -> filter(result, "tools", "name", Kind.TOOL, caller.get());
      case "prompts/list" -> filter(result, "prompts", "name", Kind.PROMPT, caller.get());
      case "resources/list" -> filter(result, "resources", "uri", Kind.RESOURCE, caller.get());
      case "resources/templates/list" ->
          filter(result, "resourceTemplates", "uriTemplate", Kind.RESOURCE, caller.get());
      default -> result;
    };
  }

  /** The error an unknown tool, prompt or resource gets from the gateway. */
  static JsonRpcError unknown(Target target) {
    return switch (target.kind()) {
      case TOOL -> JsonRpcError.invalidParams("unknown tool " + target.name());
      case PROMPT -> JsonRpcError.invalidParams("unknown prompt " + target.name());
      case RESOURCE ->
          new JsonRpcError(
              RESOURCE_NOT_FOUND,
              "Resource not found: " + target.name(),
              Optional.of(Json.object().add("uri", target.name()).build()));
    };
  }

  private JsonObject filter(JsonObject result, String list, String key, Kind kind, Caller caller) {
    if (!(result.get(list) instanceof JsonArray items)) {
      return result;
    }
    var kept = Json.array();
    for (JsonValue item : items) {
      String name = item instanceof JsonObject o ? Json.string(o, key).orElse("") : "";
      if (!(rules.decide(caller, kind, name) instanceof Decision.Denied)) {
        kept.add(item);
      }
    }
    return Json.object(result).add(list, kept).build();
  }

  @Override
  public ServerIdentity identity() throws McpException {
    return delegate.identity();
  }

  @Override
  public void onNotification(ClientSession session, JsonRpcMessage.Notification notification) {
    delegate.onNotification(session, notification);
  }

  @Override
  public void onSessionStart(ClientSession session) {
    delegate.onSessionStart(session);
  }

  @Override
  public void onSessionEnd(String sessionId) {
    delegate.onSessionEnd(sessionId);
  }

  @Override
  public void bind(McpClients clients) {
    delegate.bind(clients);
  }
}
