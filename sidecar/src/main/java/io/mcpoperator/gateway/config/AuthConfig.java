package io.mcpoperator.gateway.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Who may call the gateway ({@code auth} of the gateway configuration; see docs/auth.md).
 *
 * @param mode {@code none}: anyone; {@code bearer}: static tokens only; {@code oidc}: JWT access
 *     tokens of {@code issuer} (and static tokens, when {@code staticTokensDir} is set)
 * @param resourceUrl the URL clients use for this server (RFC 9728 {@code resource}); required for
 *     oidc
 * @param jwksUri the issuer's keys; empty: from its discovery document
 * @param audiences accepted {@code aud} values (default {@code [resourceUrl]})
 * @param authorizationServers advertised in the protected resource metadata (default {@code
 *     [issuer]})
 * @param requiredScopes needed for every request
 * @param groupsClaim the claim rules' {@code {claim: groups}} usually names (default {@code
 *     groups})
 * @param caBundleFile PEM certificates trusted for the issuer's HTTPS endpoints
 * @param staticTokensDir a mounted Secret: one file per principal, its content the token
 * @param rules per tool, prompt and resource; when present, what no rule allows is denied
 */
public record AuthConfig(
    Mode mode,
    Optional<String> resourceUrl,
    Optional<String> issuer,
    Optional<String> jwksUri,
    List<String> audiences,
    List<String> authorizationServers,
    List<String> requiredScopes,
    String groupsClaim,
    Duration clockSkew,
    Optional<Path> caBundleFile,
    Optional<Path> staticTokensDir,
    List<Rule> rules,
    ForwardIdentity forwardIdentity) {

  public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofSeconds(60);

  /** No authentication: the gateway of old. */
  public static AuthConfig none() {
    return new AuthConfig(
        Mode.NONE,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        List.of(),
        List.of(),
        List.of(),
        "groups",
        DEFAULT_CLOCK_SKEW,
        Optional.empty(),
        Optional.empty(),
        List.of(),
        ForwardIdentity.NONE);
  }

  public boolean enabled() {
    return mode != Mode.NONE;
  }

  /** How callers authenticate. */
  public enum Mode {
    NONE("none"),
    BEARER("bearer"),
    OIDC("oidc");

    private final String wire;

    Mode(String wire) {
      this.wire = wire;
    }

    public String wire() {
      return wire;
    }

    static Mode parse(String value) {
      for (Mode m : values()) {
        if (m.wire.equals(value)) {
          return m;
        }
      }
      throw new InvalidConfigException("auth.mode must be one of none, bearer, oidc; got " + value);
    }
  }

  /**
   * Which callers may use the tools, prompts and resources whose names (resource URIs) match one of
   * the globs ({@code *} any run of characters).
   *
   * @param requiredScopes scopes the token must carry as well (missing: 403, step-up)
   * @param allow any one of these admits the caller
   */
  public record Rule(
      List<String> tools,
      List<String> prompts,
      List<String> resources,
      List<String> requiredScopes,
      List<Allow> allow) {}

  /** One way a caller is admitted by a rule. */
  public sealed interface Allow {
    /** A claim (e.g. {@code groups}) holding one of the values (string or array of strings). */
    record Claim(String claim, List<String> anyOf) implements Allow {}

    /** The caller's principal: a static token's name, or the JWT {@code sub}. */
    record Principal(String principal) implements Allow {}

    /** The token carries this scope. */
    record Scope(String scope) implements Allow {}
  }

  /** Headers the gateway sets on HTTP upstream and tool calls with the caller's identity. */
  public record ForwardIdentity(Optional<String> subjectHeader, Optional<String> groupsHeader) {
    public static final ForwardIdentity NONE =
        new ForwardIdentity(Optional.empty(), Optional.empty());
  }
}
