package io.mcpoperator.operator.mcpregistry;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import io.mcpoperator.operator.mcpregistry.RegistryApiException.Kind;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;

/**
 * A client of the MCP Registry API v0.1 ({@code GET /v0.1/servers}, {@code
 * /v0.1/servers/{name}/versions[/{version}]}). Names and versions are URL-encoded ({@code /} and
 * {@code +}); unknown JSON fields are ignored; failures are typed ({@link RegistryApiException}).
 * It does not retry: the caller requeues with backoff.
 */
public final class RegistryApi {
  /** A guard against a registry that never stops paging. */
  static final int MAX_PAGES = 10_000;

  private static final Gson GSON = new Gson();

  private final HttpClient http;
  private final URI base;
  private final Optional<String> token;
  private final Duration timeout;
  private final RequestObserver observer;

  /**
   * A client of the registry at {@code base} (e.g. {@code
   * https://registry.modelcontextprotocol.io}) speaking {@code apiVersion} (v0.1), sending {@code
   * token} as a bearer token when present.
   */
  public RegistryApi(
      HttpClient http,
      URI base,
      String apiVersion,
      Optional<String> token,
      Duration timeout,
      RequestObserver observer) {
    String root = base.toString().replaceAll("/+$", "");
    this.http = http;
    this.base = URI.create(root + "/" + apiVersion + "/");
    this.token = token;
    this.timeout = timeout;
    this.observer = observer;
  }

  /** A default HTTP client: 5 s connect timeout, redirects followed within the scheme. */
  public static HttpClient defaultHttp() {
    return HttpClient.newBuilder()
        .connectTimeout(Duration.ofSeconds(5))
        .followRedirects(HttpClient.Redirect.NORMAL)
        .build();
  }

  /** One page of the list, starting at {@code cursor} (empty: the first page). */
  public ServerList page(ListQuery query, Optional<String> cursor) throws RegistryApiException {
    StringJoiner params = new StringJoiner("&");
    params.add("limit=" + query.limit());
    cursor.ifPresent(c -> params.add("cursor=" + encode(c)));
    query.search().ifPresent(s -> params.add("search=" + encode(s)));
    query.updatedSince().ifPresent(t -> params.add("updated_since=" + encode(t.toString())));
    if (query.latestOnly()) {
      params.add("version=latest");
    }
    ServerList list = read("list", "servers?" + params, ServerList.class);
    for (RegistryEntry entry : list.servers()) {
      checkEntry(entry);
    }
    return list;
  }

  /** Every page of the list, following {@code metadata.nextCursor}. */
  public List<RegistryEntry> list(ListQuery query) throws RegistryApiException {
    List<RegistryEntry> all = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    Optional<String> cursor = Optional.empty();
    for (int pages = 0; pages < MAX_PAGES; pages++) {
      ServerList page = page(query, cursor);
      all.addAll(page.servers());
      cursor = page.nextCursor();
      if (cursor.isEmpty()) {
        return all;
      }
      if (!seen.add(cursor.get())) {
        throw new RegistryApiException(
            Kind.INVALID_DATA, "registry " + base + " repeated the cursor " + cursor.get());
      }
    }
    throw new RegistryApiException(
        Kind.INVALID_DATA, "registry " + base + " answered more than " + MAX_PAGES + " pages");
  }

  /** Every version of the server, newest first. */
  public List<RegistryEntry> versions(String name) throws RegistryApiException {
    ServerList list = read("versions", "servers/" + encode(name) + "/versions", ServerList.class);
    for (RegistryEntry entry : list.servers()) {
      checkEntry(entry);
    }
    return list.servers();
  }

  /** One version of the server; {@code latest} names the newest. */
  public RegistryEntry version(String name, String version) throws RegistryApiException {
    RegistryEntry entry =
        read(
            "version",
            "servers/" + encode(name) + "/versions/" + encode(version),
            RegistryEntry.class);
    checkEntry(entry);
    return entry;
  }

  private <T> T read(String operation, String path, Class<T> type) throws RegistryApiException {
    URI uri = base.resolve(path);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "application/json").GET();
    token.ifPresent(t -> request.header("Authorization", "Bearer " + t));
    long start = System.nanoTime();
    HttpResponse<String> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (HttpTimeoutException e) {
      observer.requested(operation, "timeout", since(start));
      throw new RegistryApiException(
          Kind.UNAVAILABLE,
          "registry " + uri + " did not answer within " + timeout.toSeconds() + "s");
    } catch (IOException e) {
      observer.requested(operation, "error", since(start));
      throw new RegistryApiException(
          Kind.UNAVAILABLE, "registry " + uri + " unreachable: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RegistryApiException(Kind.UNAVAILABLE, "interrupted while reading " + uri);
    }
    int code = response.statusCode();
    observer.requested(operation, Integer.toString(code), since(start));
    if (code != 200) {
      throw new RegistryApiException(kindOf(code), describe(uri, code, response.body()));
    }
    try {
      T value = GSON.fromJson(response.body(), type);
      if (value == null) {
        throw new JsonParseException("empty body");
      }
      return value;
    } catch (JsonParseException | IllegalStateException e) {
      throw new RegistryApiException(
          Kind.INVALID_DATA,
          "registry " + uri + " answered JSON this client cannot read: " + e.getMessage());
    }
  }

  private void checkEntry(RegistryEntry entry) throws RegistryApiException {
    if (entry == null
        || entry.server() == null
        || blank(entry.server().name())
        || blank(entry.server().version())) {
      throw new RegistryApiException(
          Kind.INVALID_DATA,
          "registry " + base + " answered an entry without server name or version");
    }
  }

  private static boolean blank(String text) {
    return text == null || text.isBlank();
  }

  private static Kind kindOf(int code) {
    if (code == 404) {
      return Kind.NOT_FOUND;
    }
    return code >= 500 || code == 429 || code == 408 ? Kind.UNAVAILABLE : Kind.INVALID_DATA;
  }

  /** The message of an error answer: its problem+json {@code detail}, or {@code error}. */
  static String describe(URI uri, int code, String body) {
    String detail = "";
    try {
      var json = JsonParser.parseString(body).getAsJsonObject();
      for (String field : List.of("detail", "error", "title")) {
        if (json.has(field) && json.get(field).isJsonPrimitive()) {
          detail = ": " + json.get(field).getAsString();
          break;
        }
      }
    } catch (RuntimeException e) {
      detail = "";
    }
    return "registry " + uri + " answered HTTP " + code + detail;
  }

  /** Percent-encodes a path segment or query value; {@code /} and {@code +} included. */
  static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static Duration since(long start) {
    return Duration.ofNanos(System.nanoTime() - start);
  }
}
