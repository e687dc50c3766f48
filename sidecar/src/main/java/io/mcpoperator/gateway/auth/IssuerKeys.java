package io.mcpoperator.gateway.auth;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.ResourceRetriever;
import io.mcpoperator.mcp.jsonrpc.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The issuer's signing keys: from the configured JWKS URI, or from the {@code jwks_uri} of its
 * discovery document ({@code <issuer>/.well-known/openid-configuration}, then RFC 8414's {@code
 * /.well-known/oauth-authorization-server}), found on first use and remembered once found. Keys are
 * cached ({@link #CACHE_TTL}), refreshed ahead of expiry, and re-fetched when a token names an
 * unknown {@code kid}, at most once per {@link #REFETCH_INTERVAL}.
 */
final class IssuerKeys {
  static final Duration CACHE_TTL = Duration.ofMinutes(5);
  static final Duration REFETCH_INTERVAL = Duration.ofSeconds(30);
  private static final Duration FETCH_TIMEOUT = Duration.ofSeconds(15);

  private final String issuer;
  private final Optional<String> jwksUri;
  private final ResourceRetriever retriever;
  private volatile JWKSource<SecurityContext> source;

  IssuerKeys(String issuer, Optional<String> jwksUri, ResourceRetriever retriever) {
    this.issuer = issuer;
    this.jwksUri = jwksUri;
    this.retriever = retriever;
  }

  /** The key source, discovering the JWKS URI first if need be. */
  JWKSource<SecurityContext> source() throws IOException {
    JWKSource<SecurityContext> s = source;
    if (s != null) {
      return s;
    }
    synchronized (this) {
      if (source == null) {
        URL uri = URI.create(jwksUri.isPresent() ? jwksUri.get() : discover()).toURL();
        source =
            JWKSourceBuilder.<SecurityContext>create(uri, retriever)
                .cache(CACHE_TTL.toMillis(), FETCH_TIMEOUT.toMillis())
                .refreshAheadCache(true)
                .rateLimited(REFETCH_INTERVAL.toMillis())
                .retrying(true)
                .build();
      }
      return source;
    }
  }

  /** The {@code jwks_uri} of the first discovery document that names this issuer. */
  String discover() throws IOException {
    IOException last = null;
    for (String url : discoveryUrls(issuer)) {
      try {
        JsonObject doc =
            Json.parse(retriever.retrieveResource(URI.create(url).toURL()).getContent())
                .asJsonObject();
        if (!issuer.equals(Json.string(doc, "issuer").orElse(""))) {
          last = new IOException(url + " names issuer " + doc.get("issuer") + ", not " + issuer);
          continue;
        }
        Optional<String> keys = Json.string(doc, "jwks_uri");
        if (keys.isPresent()) {
          return keys.get();
        }
        last = new IOException(url + " has no jwks_uri");
      } catch (IOException | RuntimeException e) {
        last = e instanceof IOException io ? io : new IOException(url + ": " + e.getMessage(), e);
      }
    }
    throw last;
  }

  /** OpenID Connect Discovery's URL, then RFC 8414's (path inserted after the well-known part). */
  static List<String> discoveryUrls(String issuer) {
    String trimmed = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
    URI uri = URI.create(trimmed);
    String origin = uri.getScheme() + "://" + uri.getRawAuthority();
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    return List.of(
        trimmed + "/.well-known/openid-configuration",
        origin + "/.well-known/oauth-authorization-server" + path);
  }
}
