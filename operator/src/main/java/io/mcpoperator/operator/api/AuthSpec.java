package io.mcpoperator.operator.api;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * {@code spec.auth}: who may call the server, checked by the gateway (docs/auth.md). Absent means
 * {@link Mode#NONE}; the CRD's CEL rules and {@link AuthReader} refuse fields that the mode does
 * not use or lacks.
 *
 * @param mode none, bearer (static tokens) or oidc (JWT access tokens, plus static tokens if set)
 * @param resourceUrl the URL clients use: the protected resource and default audience (oidc)
 * @param issuer exact {@code iss} of accepted tokens (oidc)
 * @param jwksUri the issuer's keys; from its discovery document when empty
 * @param audiences accepted {@code aud} values; empty: the resource URL
 * @param authorizationServers advertised to clients; empty: the issuer
 * @param requiredScopes scopes every request needs
 * @param groupsClaim the claim listing the caller's groups; the gateway's default when empty
 * @param clockSkew tolerance for {@code exp}/{@code nbf}; the gateway's default when empty
 * @param caBundle the ConfigMap key holding the PEM CAs trusted for the issuer
 * @param staticTokensSecret the Secret whose keys are principals and values their tokens
 * @param rules per-tool, prompt and resource access rules
 */
public record AuthSpec(
    Mode mode,
    Optional<String> resourceUrl,
    Optional<String> issuer,
    Optional<String> jwksUri,
    List<String> audiences,
    List<String> authorizationServers,
    List<String> requiredScopes,
    Optional<String> groupsClaim,
    Optional<Duration> clockSkew,
    Optional<ConfigMapKeyRef> caBundle,
    Optional<String> staticTokensSecret,
    List<Rule> rules) {

  public AuthSpec {
    audiences = List.copyOf(audiences);
    authorizationServers = List.copyOf(authorizationServers);
    requiredScopes = List.copyOf(requiredScopes);
    rules = List.copyOf(rules);
  }

  /** No check: anyone who reaches the gateway may call it. */
  public static AuthSpec none() {
    return new AuthSpec(
        Mode.NONE,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        List.of(),
        List.of(),
        List.of(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        List.of());
  }

  /** True when the gateway checks callers. */
  public boolean enabled() {
    return mode != Mode.NONE;
  }

  /** {@code spec.auth.mode}. */
  public enum Mode {
    NONE("none"),
    BEARER("bearer"),
    OIDC("oidc");

    private final String value;

    Mode(String value) {
      this.value = value;
    }

    /** The spelling in the spec and the gateway config. */
    public String value() {
      return value;
    }
  }

  /** A key of a ConfigMap in the server's namespace. */
  public record ConfigMapKeyRef(String name, String key) {}

  /**
   * One access rule: the tools, prompts and resources (globs) it covers, the scopes they need as
   * well, and who is allowed.
   */
  public record Rule(
      List<String> tools,
      List<String> prompts,
      List<String> resources,
      List<String> requiredScopes,
      List<Allow> allow) {
    public Rule {
      tools = List.copyOf(tools);
      prompts = List.copyOf(prompts);
      resources = List.copyOf(resources);
      requiredScopes = List.copyOf(requiredScopes);
      allow = List.copyOf(allow);
    }
  }

  /** Who a rule allows: holders of a claim value, one principal, or holders of a scope. */
  public sealed interface Allow {}

  /** Callers whose {@code claim} holds any of {@code anyOf}. */
  public record ClaimAllow(String claim, List<String> anyOf) implements Allow {
    public ClaimAllow {
      anyOf = List.copyOf(anyOf);
    }
  }

  /** The caller {@code principal} (a token's {@code sub}, or a static token's name). */
  public record PrincipalAllow(String principal) implements Allow {}

  /** Callers whose token carries {@code scope}. */
  public record ScopeAllow(String scope) implements Allow {}
}
