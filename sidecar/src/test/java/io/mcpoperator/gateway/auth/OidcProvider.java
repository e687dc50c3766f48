package io.mcpoperator.gateway.auth;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.net.InetAddress;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import no.nav.security.mock.oauth2.token.KeyProvider;

/**
 * A real OpenID Connect provider for the tests (NAV's mock-oauth2-server, on 127.0.0.1, a free
 * port): discovery, JWKS and token endpoints as a client sees them; tokens signed with its keys.
 */
final class OidcProvider implements AutoCloseable {
  static final String ISSUER_ID = "default";
  private final MockOAuth2Server server = new MockOAuth2Server();
  private final KeyProvider keys;

  OidcProvider() {
    try {
      server.start(InetAddress.getByName("127.0.0.1"), 0);
      var field =
          no.nav.security.mock.oauth2.token.OAuth2TokenProvider.class.getDeclaredField(
              "keyProvider");
      field.setAccessible(true);
      keys = (KeyProvider) field.get(server.getConfig().getTokenProvider());
    } catch (ReflectiveOperationException | java.net.UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }

  String issuer() {
    return issuer(ISSUER_ID);
  }

  String issuer(String issuerId) {
    return server.issuerUrl(issuerId).toString();
  }

  String tokenEndpoint() {
    return server.tokenEndpointUrl(ISSUER_ID).toString();
  }

  MockOAuth2Server server() {
    return server;
  }

  /** An access token of the default issuer for {@code audience}. */
  String token(String subject, String audience, String scope, Map<String, Object> claims) {
    return token(ISSUER_ID, subject, audience, scope, claims, 3600);
  }

  String token(
      String issuerId,
      String subject,
      String audience,
      String scope,
      Map<String, Object> claims,
      long expirySeconds) {
    var all = new java.util.HashMap<String, Object>(claims);
    if (!scope.isEmpty()) {
      all.put("scope", scope);
    }
    return server
        .issueToken(
            issuerId,
            "test-client",
            new DefaultOAuth2TokenCallback(
                issuerId, subject, "JWT", List.of(audience), all, expirySeconds))
        .serialize();
  }

  /** A new signing key for the issuer: tokens carry its new kid, the JWKS lists only it. */
  @SuppressWarnings("unchecked")
  void rotateKey() throws Exception {
    RSAKey next = new RSAKeyGenerator(2048).keyID("rotated-" + System.nanoTime()).generate();
    var field = KeyProvider.class.getDeclaredField("signingKeys");
    field.setAccessible(true);
    ((ConcurrentHashMap<String, JWK>) field.get(keys)).put(ISSUER_ID, next);
  }

  /** The issuer's current public key. */
  RSAKey publicKey() {
    return keys.signingKey(ISSUER_ID).toRSAKey().toPublicJWK();
  }

  /** Well-formed claims of the issuer, for hand-made (forged) tokens. */
  JWTClaimsSet claims(String audience) {
    return new JWTClaimsSet.Builder()
        .issuer(issuer())
        .subject("mallory")
        .audience(audience)
        .claim("scope", "mcp:tools")
        .expirationTime(Date.from(Instant.now().plusSeconds(600)))
        .build();
  }

  /** {@code alg: none}. */
  String unsigned(String audience) {
    return new PlainJWT(claims(audience)).serialize();
  }

  /** HS256 with the issuer's public key as the HMAC secret (the classic key-confusion attack). */
  String hmacWithPublicKey(String audience) throws Exception {
    RSAKey pub = publicKey();
    var jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(pub.getKeyID()).build(),
            claims(audience));
    jwt.sign(new MACSigner(pub.toRSAPublicKey().getEncoded()));
    return jwt.serialize();
  }

  @Override
  public void close() {
    server.shutdown();
  }
}
