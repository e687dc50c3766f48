package io.mcpoperator.gateway.auth;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The {@code WWW-Authenticate} values of refusals (RFC 6750 §3, RFC 9728 §5.1, MCP authorization):
 * {@code Bearer resource_metadata="…", scope="…"}, with {@code error="invalid_token"} when a token
 * was sent, {@code error="insufficient_scope"} with every scope the operation needs on a 403.
 *
 * @param resourceMetadata the PRM URL (absent in bearer-only mode: no OAuth discovery)
 * @param requiredScopes the scopes every request needs
 */
record Challenge(Optional<String> resourceMetadata, List<String> requiredScopes) {

  /** No token (no {@code error}, RFC 6750 §3.1), or a bad one ({@code invalid_token}). */
  String unauthorized(boolean tokenSent) {
    var params = new StringBuilder();
    resourceMetadata.ifPresent(url -> param(params, "resource_metadata", url));
    if (!requiredScopes.isEmpty()) {
      param(params, "scope", String.join(" ", requiredScopes));
    }
    if (tokenSent) {
      param(params, "error", "invalid_token");
      param(params, "error_description", "The access token is invalid or expired");
    }
    return params.isEmpty() ? "Bearer" : "Bearer " + params;
  }

  /** A valid token without {@code scopes} (all the operation needs, the common ones included). */
  String insufficientScope(Collection<String> scopes) {
    var params = new StringBuilder();
    param(params, "error", "insufficient_scope");
    param(params, "scope", String.join(" ", scopes));
    resourceMetadata.ifPresent(url -> param(params, "resource_metadata", url));
    param(params, "error_description", "This operation needs scope " + String.join(" ", scopes));
    return "Bearer " + params;
  }

  private static void param(StringBuilder params, String name, String value) {
    if (!params.isEmpty()) {
      params.append(", ");
    }
    // values are URLs and scope tokens (validated at start): no quote or backslash to escape
    params.append(name).append("=\"").append(value).append('"');
  }
}
