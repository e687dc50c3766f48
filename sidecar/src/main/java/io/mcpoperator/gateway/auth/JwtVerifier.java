package io.mcpoperator.gateway.auth;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import io.mcpoperator.gateway.config.AuthConfig;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Validates JWT access tokens (OAuth 2.1 §5.2, RFC 9068) with Nimbus JOSE+JWT: signature by a key
 * of the issuer ({@link IssuerKeys}) with an asymmetric algorithm of {@link #ALGORITHMS} (never
 * {@code none} or HMAC), {@code typ} absent, {@code JWT} or {@code at+jwt}, {@code iss} exactly the
 * issuer, {@code aud} one of the audiences, {@code exp} (required) and {@code nbf} within the clock
 * skew.
 */
final class JwtVerifier {
  static final Set<JWSAlgorithm> ALGORITHMS =
      Set.of(
          JWSAlgorithm.RS256,
          JWSAlgorithm.RS384,
          JWSAlgorithm.RS512,
          JWSAlgorithm.PS256,
          JWSAlgorithm.PS384,
          JWSAlgorithm.PS512,
          JWSAlgorithm.ES256,
          JWSAlgorithm.ES384,
          JWSAlgorithm.ES512);

  private final AuthConfig config;
  private final IssuerKeys keys;
  private volatile DefaultJWTProcessor<SecurityContext> processor;

  JwtVerifier(AuthConfig config, IssuerKeys keys) {
    this.config = config;
    this.keys = keys;
  }

  Caller verify(String token) throws TokenException {
    JWTClaimsSet claims;
    try {
      claims = processor().process(token, null);
    } catch (com.nimbusds.jose.jwk.source.RateLimitReachedException e) {
      // an unknown kid while the keys were just fetched: the token's, not the issuer's, problem
      throw new TokenException("no key of the issuer matches (refetch rate-limited)", false, e);
    } catch (KeySourceException e) {
      throw new TokenException("the issuer's keys cannot be fetched: " + e.getMessage(), true, e);
    } catch (IOException e) {
      throw new TokenException("the issuer's keys cannot be found: " + e.getMessage(), true, e);
    } catch (Exception e) {
      // java.text.ParseException, BadJOSEException, JOSEException: the token's fault
      throw new TokenException(e.getMessage(), false, e);
    }
    return new Caller(
        claims.getSubject(), Optional.of(claims.getIssuer()), scopes(claims), claims.getClaims());
  }

  private DefaultJWTProcessor<SecurityContext> processor() throws IOException {
    DefaultJWTProcessor<SecurityContext> p = processor;
    if (p != null) {
      return p;
    }
    p = new DefaultJWTProcessor<>();
    p.setJWSTypeVerifier(
        new DefaultJOSEObjectTypeVerifier<>(
            JOSEObjectType.JWT, new JOSEObjectType("at+jwt"), null));
    p.setJWSKeySelector(new JWSVerificationKeySelector<>(ALGORITHMS, keys.source()));
    var verifier =
        new DefaultJWTClaimsVerifier<SecurityContext>(
            new HashSet<>(config.audiences()),
            new JWTClaimsSet.Builder().issuer(config.issuer().orElseThrow()).build(),
            Set.of("sub", "exp", "iss"),
            null);
    verifier.setMaxClockSkew((int) config.clockSkew().toSeconds());
    p.setJWTClaimsSetVerifier(verifier);
    processor = p;
    return p;
  }

  /** {@code scope} (space-separated, RFC 9068) or {@code scp} (string or array, Entra/Okta). */
  static Set<String> scopes(JWTClaimsSet claims) {
    var scopes = new HashSet<String>();
    for (String name : List.of("scope", "scp")) {
      Object value = claims.getClaim(name);
      if (value instanceof String s) {
        Arrays.stream(s.split(" ")).filter(x -> !x.isEmpty()).forEach(scopes::add);
      } else if (value instanceof List<?> list) {
        list.stream().filter(String.class::isInstance).map(String.class::cast).forEach(scopes::add);
      }
    }
    return scopes;
  }
}
