package io.mcpoperator.gateway.auth;

import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import io.helidon.webserver.http.ServerResponse;
import io.mcpoperator.gateway.auth.AuthDecisions.Reason;
import io.mcpoperator.mcp.jsonrpc.Json;
import io.mcpoperator.mcp.jsonrpc.JsonRpcError;
import java.util.List;
import java.util.Optional;

/**
 * Authenticates every request but the open ones ({@code /observe/...}: health and metrics; {@code
 * /.well-known/oauth-protected-resource...}; CORS preflights, which carry no credentials): the
 * token comes only from {@code Authorization: Bearer} (never a query parameter or cookie). No token
 * → 401 with the challenge; a bad one → 401 {@code invalid_token}; a good one without the required
 * scopes → 403 {@code insufficient_scope}; the issuer's keys out of reach → 503. The caller is
 * registered in the request's context for the rules and the session binding.
 */
final class AuthFilter implements Filter {
  private static final String BEARER = "bearer ";
  private final Authenticator authenticator;
  private final Challenge challenge;
  private final List<String> requiredScopes;
  private final AuthDecisions decisions;

  AuthFilter(
      Authenticator authenticator,
      Challenge challenge,
      List<String> requiredScopes,
      AuthDecisions decisions) {
    this.authenticator = authenticator;
    this.challenge = challenge;
    this.requiredScopes = requiredScopes;
    this.decisions = decisions;
  }

  /** Paths served without a token. */
  static boolean open(String path) {
    return path.startsWith("/observe/")
        || path.equals("/observe")
        || path.startsWith(ProtectedResourceMetadata.WELL_KNOWN);
  }

  @Override
  public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
    if (open(req.path().path()) || req.prologue().method() == Method.OPTIONS) {
      chain.proceed();
      return;
    }
    Optional<String> header = req.headers().first(HeaderNames.AUTHORIZATION);
    Optional<String> token =
        header
            .filter(h -> h.regionMatches(true, 0, BEARER, 0, BEARER.length()))
            .map(h -> h.substring(BEARER.length()).strip())
            .filter(t -> !t.isEmpty());
    if (token.isEmpty()) {
      decisions.denied(Reason.MISSING_TOKEN, Optional.empty(), "", "", req.path().path());
      refuse(res, Status.UNAUTHORIZED_401, challenge.unauthorized(false), "no bearer token");
      return;
    }
    Caller caller;
    try {
      caller = authenticator.authenticate(token.get());
    } catch (TokenException e) {
      if (e.unavailable()) {
        decisions.denied(Reason.KEYS_UNAVAILABLE, Optional.empty(), "", "", e.getMessage());
        res.header(HeaderNames.RETRY_AFTER, "5");
        refuse(
            res, Status.SERVICE_UNAVAILABLE_503, null, "the authorization server is unreachable");
        return;
      }
      decisions.denied(
          Reason.INVALID_TOKEN, Optional.empty(), "", "", String.valueOf(e.getMessage()));
      refuse(res, Status.UNAUTHORIZED_401, challenge.unauthorized(true), "invalid token");
      return;
    }
    if (!caller.scopes().containsAll(requiredScopes)) {
      decisions.denied(Reason.INSUFFICIENT_SCOPE, Optional.of(caller), "", "", "requiredScopes");
      refuse(
          res,
          Status.FORBIDDEN_403,
          challenge.insufficientScope(requiredScopes),
          "insufficient scope");
      return;
    }
    decisions.allowed(caller.issuer().isPresent() ? Reason.JWT : Reason.STATIC_TOKEN);
    req.context().register(caller);
    chain.proceed();
  }

  /**
   * A refusal with its challenge, readable by browser clients of any origin (it tells nothing but
   * where to authenticate).
   */
  private static void refuse(
      ServerResponse res, Status status, String wwwAuthenticate, String message) {
    res.header(HeaderNames.create("Access-Control-Allow-Origin"), "*");
    res.header(HeaderNames.create("Access-Control-Expose-Headers"), "WWW-Authenticate");
    answer(res, status, wwwAuthenticate, message);
  }

  /** The status, the challenge (if any) and a JSON-RPC error naming {@code message}. */
  static void answer(ServerResponse res, Status status, String wwwAuthenticate, String message) {
    res.status(status);
    if (wwwAuthenticate != null) {
      res.header(HeaderNames.WWW_AUTHENTICATE, wwwAuthenticate);
    }
    res.headers().contentType(io.helidon.common.media.type.MediaTypes.APPLICATION_JSON);
    res.send(
        Json.write(
            Json.object()
                .add("jsonrpc", "2.0")
                .addNull("id")
                .add(
                    "error",
                    Json.object()
                        .add("code", JsonRpcError.INVALID_REQUEST)
                        .add("message", status.reasonPhrase() + ": " + message))
                .build()));
  }
}
