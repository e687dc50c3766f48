package io.mcpoperator.gateway.auth;

import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.mcpoperator.gateway.auth.AccessRules.Decision;
import io.mcpoperator.gateway.auth.AuthDecisions.Reason;
import io.mcpoperator.mcp.jsonrpc.JsonRpcMessage;
import io.mcpoperator.mcp.transport.RequestGuard;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * Binds sessions to the caller ({@link Caller#owner()}: {@code iss} + {@code sub}, or the static
 * token's name) and answers 403 {@code insufficient_scope} before anything runs when a request uses
 * a tool, prompt or resource whose rule admits the caller but needs scopes the token lacks: the
 * challenge names every scope the POST's requests need, so one new token covers them (step-up).
 */
final class StepUpGuard implements RequestGuard {
  private final AccessRules rules;
  private final Challenge challenge;
  private final AuthDecisions decisions;

  StepUpGuard(AccessRules rules, Challenge challenge, AuthDecisions decisions) {
    this.rules = rules;
    this.challenge = challenge;
    this.decisions = decisions;
  }

  @Override
  public Optional<String> owner(ServerRequest req) {
    return req.context().get(Caller.class).map(Caller::owner);
  }

  @Override
  public boolean admit(
      ServerRequest req, ServerResponse res, List<JsonRpcMessage.Request> requests) {
    Optional<Caller> caller = req.context().get(Caller.class);
    if (!rules.active() || caller.isEmpty()) {
      return true;
    }
    var scopes = new LinkedHashSet<String>();
    String method = "";
    String name = "";
    for (JsonRpcMessage.Request r : requests) {
      Optional<Target> target = Target.of(r.method(), r.params());
      if (target.isPresent()
          && rules.decide(caller.get(), target.get().kind(), target.get().name())
              instanceof Decision.StepUp(List<String> needed)) {
        scopes.addAll(needed);
        method = r.method();
        name = target.get().name();
      }
    }
    if (scopes.isEmpty()) {
      return true;
    }
    decisions.denied(Reason.INSUFFICIENT_SCOPE, caller, method, name, "needs " + scopes);
    AuthFilter.answer(
        res, Status.FORBIDDEN_403, challenge.insufficientScope(scopes), "insufficient scope");
    return false;
  }
}
