package io.mcpoperator.gateway.config;

import io.mcpoperator.gateway.config.AuthConfig.Allow;
import io.mcpoperator.gateway.config.AuthConfig.ForwardIdentity;
import io.mcpoperator.gateway.config.AuthConfig.Mode;
import io.mcpoperator.gateway.config.AuthConfig.Rule;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the {@code auth} section of the gateway configuration
 * (contracts/gateway-config.schema.json).
 */
final class AuthConfigReader {
  private AuthConfigReader() {}

  static AuthConfig read(Fields root) {
    if (!root.has("auth")) {
      return AuthConfig.none();
    }
    Fields a = root.fields("auth");
    Mode mode = Mode.parse(a.optionalText("mode").orElse("none"));
    Optional<String> resourceUrl = a.optionalText("resourceUrl").map(u -> url(a, "resourceUrl", u));
    Optional<String> issuer = a.optionalText("issuer").map(u -> url(a, "issuer", u));
    Optional<String> jwksUri = a.optionalText("jwksUri").map(u -> url(a, "jwksUri", u));
    Optional<Path> staticTokens = a.optionalText("staticTokensDir").map(Path::of);
    if (mode == Mode.OIDC && resourceUrl.isEmpty()) {
      throw new InvalidConfigException("auth.resourceUrl is required for mode oidc");
    }
    if (mode == Mode.OIDC && issuer.isEmpty()) {
      throw new InvalidConfigException("auth.issuer is required for mode oidc");
    }
    if (mode == Mode.BEARER && staticTokens.isEmpty()) {
      throw new InvalidConfigException("auth.staticTokensDir is required for mode bearer");
    }
    List<Rule> rules = rules(a);
    if (mode == Mode.NONE && !rules.isEmpty()) {
      throw new InvalidConfigException(
          "auth.rules need mode bearer or oidc (callers to tell apart)");
    }
    List<String> audiences = a.texts("audiences");
    List<String> servers = a.texts("authorizationServers");
    int skew = a.optionalInt("clockSkewSeconds").orElse(60);
    if (skew < 0 || skew > 3600) {
      throw new InvalidConfigException(
          "auth.clockSkewSeconds must be between 0 and 3600, got " + skew);
    }
    Fields forward = a.fields("forwardIdentity");
    return new AuthConfig(
        mode,
        resourceUrl,
        issuer,
        jwksUri,
        audiences.isEmpty() ? resourceUrl.stream().toList() : audiences,
        servers.isEmpty() ? issuer.stream().toList() : servers,
        scopes(a, "requiredScopes"),
        a.optionalText("groupsClaim").filter(s -> !s.isEmpty()).orElse("groups"),
        Duration.ofSeconds(skew),
        a.optionalText("caBundleFile").map(Path::of),
        staticTokens,
        rules,
        new ForwardIdentity(header(forward, "subjectHeader"), header(forward, "groupsHeader")));
  }

  private static List<Rule> rules(Fields auth) {
    var rules = new ArrayList<Rule>();
    for (Fields r : auth.list("rules")) {
      List<String> tools = r.texts("tools");
      List<String> prompts = r.texts("prompts");
      List<String> resources = r.texts("resources");
      if (tools.isEmpty() && prompts.isEmpty() && resources.isEmpty()) {
        throw new InvalidConfigException(
            r.where() + " must name tools, prompts or resources (globs)");
      }
      var allow = new ArrayList<Allow>();
      for (Fields entry : r.list("allow")) {
        allow.add(allow(entry));
      }
      rules.add(
          new Rule(tools, prompts, resources, scopes(r, "requiredScopes"), List.copyOf(allow)));
    }
    return List.copyOf(rules);
  }

  private static Allow allow(Fields entry) {
    int kinds =
        (entry.has("claim") ? 1 : 0)
            + (entry.has("principal") ? 1 : 0)
            + (entry.has("scope") ? 1 : 0);
    if (kinds != 1) {
      throw new InvalidConfigException(
          entry.where() + " needs exactly one of claim (with anyOf), principal and scope");
    }
    if (entry.has("claim")) {
      List<String> anyOf = entry.texts("anyOf");
      if (anyOf.isEmpty()) {
        throw new InvalidConfigException(entry.path("anyOf") + " is required with claim");
      }
      return new Allow.Claim(entry.text("claim"), anyOf);
    }
    if (entry.has("principal")) {
      return new Allow.Principal(entry.text("principal"));
    }
    return new Allow.Scope(entry.text("scope"));
  }

  private static List<String> scopes(Fields f, String name) {
    List<String> scopes = f.texts(name);
    for (int i = 0; i < scopes.size(); i++) {
      String s = scopes.get(i);
      if (s.isEmpty() || s.chars().anyMatch(c -> c <= ' ' || c == '"' || c == '\\' || c > '~')) {
        throw new InvalidConfigException(
            f.path(name) + "[" + i + "] must be a scope token (RFC 6749 §3.3), got \"" + s + "\"");
      }
    }
    return scopes;
  }

  private static Optional<String> header(Fields f, String name) {
    Optional<String> value = f.optionalText(name).filter(s -> !s.isEmpty());
    if (value.isPresent() && !value.get().matches("[A-Za-z0-9-]+")) {
      throw new InvalidConfigException(
          f.path(name) + " must be an HTTP header name, got " + value.get());
    }
    return value;
  }

  /** An absolute http(s) URL without fragment. */
  private static String url(Fields f, String name, String value) {
    try {
      URI uri = new URI(value);
      String scheme =
          uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
      if ((scheme.equals("https") || scheme.equals("http"))
          && uri.getHost() != null
          && uri.getFragment() == null) {
        return value;
      }
    } catch (URISyntaxException e) {
      // fall through
    }
    throw new InvalidConfigException(
        f.path(name) + " must be an absolute http(s) URL without fragment, got " + value);
  }
}
