package io.mcpoperator.gateway.auth;

import io.helidon.webserver.http.HttpRouting;
import io.mcpoperator.gateway.config.AuthConfig;
import io.mcpoperator.gateway.config.AuthConfig.Mode;
import io.mcpoperator.mcp.McpBackend;
import io.mcpoperator.mcp.transport.RequestGuard;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * The gateway as an OAuth 2.1 resource server (docs/auth.md), built once from the {@code auth}
 * configuration: the authentication filter, the protected resource metadata (mode oidc), the
 * session binding and step-up guard, and the backend behind the rules.
 */
public final class GatewayAuth {
  private final AuthConfig config;
  private final AuthDecisions decisions = new AuthDecisions();
  private final AccessRules rules;
  private final Challenge challenge;
  private final Optional<Authenticator> authenticator;

  private GatewayAuth(AuthConfig config, Optional<Authenticator> authenticator) {
    this.config = config;
    this.authenticator = authenticator;
    this.rules = new AccessRules(config.rules(), config.requiredScopes(), config.groupsClaim());
    this.challenge =
        new Challenge(
            config.mode() == Mode.OIDC
                ? config.resourceUrl().map(ProtectedResourceMetadata::url)
                : Optional.empty(),
            config.requiredScopes());
  }

  /**
   * The auth of {@code config}; reads the static tokens now (a bad directory or CA bundle fails the
   * start with {@link io.mcpoperator.gateway.config.InvalidConfigException}).
   */
  public static GatewayAuth of(AuthConfig config) {
    return new GatewayAuth(
        config, config.enabled() ? Optional.of(Authenticator.of(config)) : Optional.empty());
  }

  /** True unless mode none. */
  public boolean enabled() {
    return authenticator.isPresent();
  }

  /** Adds the filter and the metadata routes (nothing for mode none). */
  public void register(HttpRouting.Builder routing) {
    if (authenticator.isEmpty()) {
      return;
    }
    routing.addFilter(
        new AuthFilter(authenticator.get(), challenge, config.requiredScopes(), decisions));
    if (config.mode() == Mode.OIDC) {
      routing.register(new ProtectedResourceMetadata(config, scopesSupported()));
    }
  }

  /** {@code backend} behind the rules, seeing requests without the client's Authorization. */
  public McpBackend protect(McpBackend backend) {
    if (authenticator.isEmpty()) {
      return backend;
    }
    return new AuthorizingBackend(
        backend, rules, config.forwardIdentity(), config.groupsClaim(), decisions);
  }

  /** The session binding and step-up check for the endpoint. */
  public RequestGuard guard() {
    return authenticator.isEmpty()
        ? RequestGuard.NONE
        : new StepUpGuard(rules, challenge, decisions);
  }

  /** Header names the upstream receives with the caller's identity. */
  public List<String> identityHeaders() {
    var names = new java.util.ArrayList<String>();
    config.forwardIdentity().subjectHeader().ifPresent(names::add);
    config.forwardIdentity().groupsHeader().ifPresent(names::add);
    return List.copyOf(names);
  }

  /** The common scopes, then each rule's ({@code offline_access} never advertised). */
  private List<String> scopesSupported() {
    var scopes = new LinkedHashSet<>(config.requiredScopes());
    config.rules().forEach(r -> scopes.addAll(r.requiredScopes()));
    scopes.remove("offline_access");
    return List.copyOf(scopes);
  }
}
