package io.mcpoperator.operator.api;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads {@code spec.auth} into an {@link AuthSpec}, checking what the CRD's schema and CEL rules
 * check, so that an object written without them (render, an older CRD) fails the same way.
 */
final class AuthReader {
  private static final Pattern URL = Pattern.compile("^[Hh][Tt][Tt][Pp][Ss]?://[^#]+$");
  private static final Pattern SCOPE = Pattern.compile("^[!#-\\[\\]-~]+$");
  private static final Duration MAX_SKEW = Duration.ofHours(1);

  private AuthReader() {}

  static AuthSpec read(JsonFields spec) {
    if (!spec.has("auth")) {
      return AuthSpec.none();
    }
    JsonFields auth = spec.nested("auth");
    AuthSpec.Mode mode = mode(auth);
    AuthSpec read =
        new AuthSpec(
            mode,
            url(auth, "resourceUrl"),
            url(auth, "issuer"),
            url(auth, "jwksUri"),
            auth.strings("audiences"),
            urls(auth, "authorizationServers"),
            scopes(auth, "requiredScopes"),
            auth.string("groupsClaim"),
            clockSkew(auth),
            caBundle(auth),
            auth.has("staticTokens")
                ? Optional.of(
                    auth.nested("staticTokens")
                        .required("secretName", "name the Secret of principal → token"))
                : Optional.empty(),
            rules(auth));
    check(auth, read);
    return read;
  }

  private static AuthSpec.Mode mode(JsonFields auth) {
    String value = auth.string("mode").orElse("none");
    for (AuthSpec.Mode mode : AuthSpec.Mode.values()) {
      if (mode.value().equals(value)) {
        return mode;
      }
    }
    throw auth.invalid("mode", "must be none, bearer or oidc; got \"" + value + "\"");
  }

  private static void check(JsonFields auth, AuthSpec read) {
    switch (read.mode()) {
      case OIDC -> {
        if (read.issuer().isEmpty() || read.resourceUrl().isEmpty()) {
          throw auth.invalid("mode", "oidc needs issuer and resourceUrl");
        }
      }
      case BEARER -> {
        if (read.staticTokensSecret().isEmpty()) {
          throw auth.invalid("mode", "bearer needs staticTokens (a Secret of principal → token)");
        }
      }
      case NONE -> {
        if (!read.equals(AuthSpec.none())) {
          throw auth.invalid(
              "mode",
              "none (the default) checks nothing, so it takes no other field: set mode to oidc or"
                  + " bearer, or remove the other fields");
        }
      }
    }
  }

  private static Optional<String> url(JsonFields auth, String field) {
    return auth.string(field).map(u -> url(auth, field, u));
  }

  private static String url(JsonFields auth, String field, String value) {
    if (!URL.matcher(value).matches()) {
      throw auth.invalid(field, "must be an http(s) URL without a fragment; got \"" + value + "\"");
    }
    return value;
  }

  private static List<String> urls(JsonFields auth, String field) {
    return auth.strings(field).stream().map(u -> url(auth, field, u)).toList();
  }

  private static List<String> scopes(JsonFields fields, String field) {
    List<String> scopes = fields.strings(field);
    for (String scope : scopes) {
      if (!SCOPE.matcher(scope).matches()) {
        throw fields.invalid(field, "lists a scope with a space or quote: \"" + scope + "\"");
      }
    }
    return scopes;
  }

  private static Optional<Duration> clockSkew(JsonFields auth) {
    return auth.string("clockSkew")
        .map(
            text ->
                DurationParser.parse(text)
                    .filter(d -> d.compareTo(MAX_SKEW) <= 0)
                    .orElseThrow(
                        () ->
                            auth.invalid(
                                "clockSkew",
                                "must be a duration of at most 1h such as 30s or 2m; got \""
                                    + text
                                    + "\"")));
  }

  private static Optional<AuthSpec.ConfigMapKeyRef> caBundle(JsonFields auth) {
    if (!auth.has("caBundle")) {
      return Optional.empty();
    }
    JsonFields ca = auth.nested("caBundle");
    return Optional.of(
        new AuthSpec.ConfigMapKeyRef(
            ca.required("configMapName", "name the ConfigMap holding the PEM certificates"),
            ca.string("key").orElse("ca.crt")));
  }

  private static List<AuthSpec.Rule> rules(JsonFields auth) {
    List<AuthSpec.Rule> rules = new ArrayList<>();
    for (JsonFields rule : auth.objects("rules")) {
      List<String> tools = rule.strings("tools");
      List<String> prompts = rule.strings("prompts");
      List<String> resources = rule.strings("resources");
      if (!rule.has("tools") && !rule.has("prompts") && !rule.has("resources")) {
        throw rule.invalid(
            "tools", "(or prompts or resources) is required: a rule names what it covers");
      }
      List<AuthSpec.Allow> allow = new ArrayList<>();
      rule.objects("allow").forEach(a -> allow.add(allow(a)));
      rules.add(
          new AuthSpec.Rule(tools, prompts, resources, scopes(rule, "requiredScopes"), allow));
    }
    return rules;
  }

  private static AuthSpec.Allow allow(JsonFields allow) {
    Optional<String> claim = allow.string("claim");
    Optional<String> principal = allow.string("principal");
    Optional<String> scope = allow.string("scope");
    int kinds =
        (claim.isPresent() ? 1 : 0) + (principal.isPresent() ? 1 : 0) + (scope.isPresent() ? 1 : 0);
    if (kinds != 1) {
      throw allow.invalid("claim", "or principal or scope is required, exactly one of them");
    }
    if (claim.isPresent()) {
      List<String> anyOf = allow.strings("anyOf");
      if (anyOf.isEmpty()) {
        throw allow.invalid("anyOf", "is required with claim: list the accepted values");
      }
      return new AuthSpec.ClaimAllow(claim.get(), anyOf);
    }
    if (allow.has("anyOf")) {
      throw allow.invalid("anyOf", "goes only with claim");
    }
    if (scope.isPresent() && !SCOPE.matcher(scope.get()).matches()) {
      throw allow.invalid(
          "scope", "must not contain a space or quote; got \"" + scope.get() + "\"");
    }
    return principal
        .<AuthSpec.Allow>map(AuthSpec.PrincipalAllow::new)
        .orElseGet(() -> new AuthSpec.ScopeAllow(scope.orElseThrow()));
  }
}
