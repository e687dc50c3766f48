package io.mcpoperator.gateway.auth;

import io.mcpoperator.gateway.config.AuthConfig;
import io.mcpoperator.gateway.config.AuthConfig.Mode;
import java.time.InstantSource;
import java.util.Optional;

/** Turns a bearer token into a {@link Caller}: a static token's, else a JWT's (mode oidc). */
final class Authenticator {
  private final StaticTokens statics;
  private final Optional<JwtVerifier> jwt;
  private final VerifiedTokens verified;

  Authenticator(StaticTokens statics, Optional<JwtVerifier> jwt) {
    this.statics = statics;
    this.jwt = jwt;
    this.verified = new VerifiedTokens(InstantSource.system());
  }

  static Authenticator of(AuthConfig config) {
    StaticTokens statics =
        config.staticTokensDir().map(StaticTokens::read).orElseGet(StaticTokens::none);
    Optional<JwtVerifier> jwt =
        config.mode() == Mode.OIDC
            ? Optional.of(
                new JwtVerifier(
                    config,
                    new IssuerKeys(
                        config.issuer().orElseThrow(),
                        config.jwksUri(),
                        TrustBundle.retriever(config.caBundleFile()))))
            : Optional.empty();
    return new Authenticator(statics, jwt);
  }

  Caller authenticate(String token) throws TokenException {
    Optional<Caller> known = statics.match(token);
    if (known.isPresent()) {
      return known.get();
    }
    if (jwt.isEmpty()) {
      throw new TokenException("not a known static token", false, null);
    }
    return verified.verify(token, jwt.get()::verify);
  }
}
