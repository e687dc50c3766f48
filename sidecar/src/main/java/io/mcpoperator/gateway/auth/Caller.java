package io.mcpoperator.gateway.auth;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An authenticated caller, registered in the request's context by {@link AuthFilter}.
 *
 * @param principal a static token's name, or the JWT {@code sub}
 * @param issuer the JWT {@code iss}; empty for a static token
 * @param scopes the token's scopes ({@code scope} or {@code scp})
 * @param claims the JWT claims (empty for a static token)
 */
public record Caller(
    String principal, Optional<String> issuer, Set<String> scopes, Map<String, Object> claims) {

  public Caller {
    scopes = Set.copyOf(scopes);
    // JWT claims may hold JSON nulls, which Map.copyOf refuses
    claims = java.util.Collections.unmodifiableMap(new java.util.HashMap<>(claims));
  }

  /** A machine client of a static token. */
  static Caller ofStaticToken(String name) {
    return new Caller(name, Optional.empty(), Set.of(), Map.of());
  }

  /** Whom sessions are bound to: {@code iss} and {@code sub}, or the static token's name. */
  public String owner() {
    return issuer.map(i -> "jwt " + i + " " + principal).orElse("static " + principal);
  }

  /** The string values of claim {@code name}: one string, or an array's strings. */
  public List<String> claimValues(String name) {
    Object value = claims.get(name);
    if (value instanceof String s) {
      return List.of(s);
    }
    if (value instanceof List<?> list) {
      return list.stream().filter(String.class::isInstance).map(String.class::cast).toList();
    }
    return List.of();
  }
}
