package io.mcpoperator.operator.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Bearer token auth in front of a {@link LocalRegistry}, the way Docker Hub and GHCR ask for it:
 * {@code /v2/...} without a token answers 401 with {@code WWW-Authenticate: Bearer realm=...,
 * service=..., scope=...}; the realm ({@code /token}) hands out a token, to anyone or only to a
 * Basic user; requests with the token are forwarded to the registry. Records what it was asked.
 */
public final class TokenRegistryProxy implements AutoCloseable {
  private final HttpServer server;
  private final LocalRegistry registry;
  private final Optional<String> requiredBasic;
  private final String token = "t-" + UUID.randomUUID();
  private final HttpClient http = HttpClient.newHttpClient();
  private final List<String> requests = new CopyOnWriteArrayList<>();

  private TokenRegistryProxy(LocalRegistry registry, Optional<String> requiredBasic)
      throws IOException {
    this.registry = registry;
    this.requiredBasic = requiredBasic;
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/token", this::token);
    server.createContext("/v2/", this::forward);
    server.start();
  }

  /** Tokens for anyone (anonymous pulls). */
  public static TokenRegistryProxy anonymous(LocalRegistry registry) throws IOException {
    return new TokenRegistryProxy(registry, Optional.empty());
  }

  /** Tokens only for {@code user:password} sent with Basic auth to the token endpoint. */
  public static TokenRegistryProxy withUser(LocalRegistry registry, String user, String password)
      throws IOException {
    String basic =
        "Basic "
            + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    return new TokenRegistryProxy(registry, Optional.of(basic));
  }

  /** {@code 127.0.0.1:PORT}. */
  public String address() {
    return "127.0.0.1:" + server.getAddress().getPort();
  }

  /** Method and path (with query) of every request, in order. */
  public List<String> requests() {
    return List.copyOf(requests);
  }

  private void token(HttpExchange exchange) throws IOException {
    requests.add("GET " + exchange.getRequestURI());
    String auth = exchange.getRequestHeaders().getFirst("Authorization");
    if (requiredBasic.isPresent() && !requiredBasic.get().equals(auth)) {
      respond(exchange, 401, "{\"errors\":[{\"code\":\"UNAUTHORIZED\"}]}");
      return;
    }
    respond(exchange, 200, "{\"token\":\"" + token + "\",\"expires_in\":300}");
  }

  private void forward(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().toString();
    requests.add(exchange.getRequestMethod() + " " + path);
    if (!("Bearer " + token).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
      String repository = path.replaceFirst("^/v2/", "").replaceFirst("/(manifests|blobs)/.*$", "");
      exchange
          .getResponseHeaders()
          .add(
              "WWW-Authenticate",
              "Bearer realm=\"http://%s/token\",service=\"test-registry\",scope=\"repository:%s:pull\""
                  .formatted(address(), repository));
      respond(exchange, 401, "{\"errors\":[{\"code\":\"UNAUTHORIZED\"}]}");
      return;
    }
    try {
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(registry.url(path))).GET();
      String accept = exchange.getRequestHeaders().getFirst("Accept");
      if (accept != null) {
        request.header("Accept", accept);
      }
      HttpResponse<byte[]> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      for (String header : List.of("Content-Type", "Docker-Content-Digest")) {
        response
            .headers()
            .firstValue(header)
            .ifPresent(v -> exchange.getResponseHeaders().add(header, v));
      }
      exchange.sendResponseHeaders(response.statusCode(), response.body().length);
      exchange.getResponseBody().write(response.body());
      exchange.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      respond(exchange, 502, "{}");
    }
  }

  private static void respond(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  @Override
  public void close() {
    server.stop(0);
    http.close();
  }
}
