package io.mcpoperator.operator.mcpregistry;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A registry on 127.0.0.1 speaking the MCP Registry API v0.1 as the official one does (Huma
 * handlers): {@code GET /v0.1/servers} with {@code cursor}/{@code limit} paging ({@code
 * metadata.nextCursor} as {@code name:version}), {@code search}, {@code updated_since} (which
 * includes deleted versions), {@code include_deleted} and {@code version=latest}; {@code
 * /v0.1/servers/{name}/versions[/{version}]} with names and versions URL-encoded; problem+json
 * errors. {@link #failWith} and {@link #delay} simulate an outage and a slow registry.
 */
public final class LoopbackRegistry implements AutoCloseable {
  /** The fixtures under {@code src/test/resources/mcpregistry/entries}. */
  public static final List<String> FIXTURES =
      List.of(
          "github-mcp-server-0.19.0",
          "github-mcp-server-0.20.1",
          "playwright-mcp",
          "mongodb-mcp-server",
          "mcp-server-fetch",
          "remote-weather",
          "legacy-notes",
          "removed-tool",
          "dotnet-tool");

  private final HttpServer server;
  private final List<JsonObject> entries = new CopyOnWriteArrayList<>();
  private final List<URI> requests = new CopyOnWriteArrayList<>();
  private final List<String> authorizations = new CopyOnWriteArrayList<>();
  private final AtomicInteger failWith = new AtomicInteger();
  private final AtomicReference<String> answer = new AtomicReference<>();
  private final AtomicReference<Duration> delay = new AtomicReference<>(Duration.ZERO);

  private LoopbackRegistry() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.createContext("/", this::handle);
    server.start();
  }

  /** A registry serving every fixture. */
  public static LoopbackRegistry withFixtures() throws IOException {
    LoopbackRegistry registry = new LoopbackRegistry();
    FIXTURES.forEach(name -> registry.add(fixture(name)));
    return registry;
  }

  /** A registry serving nothing yet. */
  public static LoopbackRegistry empty() throws IOException {
    return new LoopbackRegistry();
  }

  /** The fixture {@code name} as a ServerResponse JSON object. */
  public static JsonObject fixture(String name) {
    String path = "/mcpregistry/entries/" + name + ".json";
    try (InputStream in = LoopbackRegistry.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + path);
      }
      return JsonParser.parseString(new String(in.readAllBytes(), StandardCharsets.UTF_8))
          .getAsJsonObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * {@code count} synthetic entries {@code io.example.synthetic/server-NNNNN}, each an npm package
   * with a few env vars and arguments, updated at {@code updatedAt}.
   */
  public static List<JsonObject> synthetic(int count, Instant updatedAt) {
    List<JsonObject> generated = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      generated.add(synthetic(i, "1.0." + (i % 7), updatedAt, "active"));
    }
    return generated;
  }

  /** One synthetic entry. */
  public static JsonObject synthetic(int index, String version, Instant updatedAt, String status) {
    String name = String.format("io.example.synthetic/server-%05d", index);
    String json =
        """
        {"server":{"name":"%s","description":"Synthetic server %d for load tests","version":"%s",
          "repository":{"url":"https://github.com/example/server-%d","source":"github"},
          "packages":[{"registryType":"npm","identifier":"@example/server-%d","version":"%s",
            "transport":{"type":"stdio"},
            "packageArguments":[{"type":"named","name":"--mode","value":"read-only"}],
            "environmentVariables":[{"name":"API_KEY","isSecret":true,"isRequired":true},
              {"name":"LOG_LEVEL","default":"info"}]}]},
         "_meta":{"io.modelcontextprotocol.registry/official":{"status":"%s",
           "publishedAt":"%s","updatedAt":"%s","isLatest":true}}}
        """
            .formatted(name, index, version, index, index, version, status, updatedAt, updatedAt);
    return JsonParser.parseString(json).getAsJsonObject();
  }

  /** Adds (or replaces, by name and version) an entry. */
  public void add(JsonObject entry) {
    String key = key(entry);
    entries.removeIf(e -> key(e).equals(key));
    entries.add(entry);
  }

  /** Adds many entries at once (no replacement check). */
  public void addAll(List<JsonObject> more) {
    entries.addAll(more);
  }

  /** Answers every request with {@code status} (0: answer normally). */
  public void failWith(int status) {
    failWith.set(status);
  }

  /** Answers every request 200 with {@code body} (null: answer normally). */
  public void answerWith(String body) {
    answer.set(body);
  }

  /** Waits {@code wait} before each answer. */
  public void delay(Duration wait) {
    delay.set(wait);
  }

  public URI uri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** The request URIs seen, raw (as encoded on the wire). */
  public List<URI> requests() {
    return List.copyOf(requests);
  }

  /** The Authorization headers seen ({@code ""} when a request had none). */
  public List<String> authorizations() {
    return List.copyOf(authorizations);
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      requests.add(exchange.getRequestURI());
      String auth = exchange.getRequestHeaders().getFirst("Authorization");
      authorizations.add(auth == null ? "" : auth);
      pause();
      if (failWith.get() != 0) {
        problem(exchange, failWith.get(), "registry failing on purpose");
        return;
      }
      if (answer.get() != null) {
        send(exchange, 200, "application/json", answer.get());
        return;
      }
      String[] parts = exchange.getRequestURI().getRawPath().split("/", -1);
      Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
      if (!"GET".equals(exchange.getRequestMethod())
          || parts.length < 3
          || !parts[1].equals("v0.1")
          || !parts[2].equals("servers")) {
        problem(exchange, 404, "no such endpoint");
        return;
      }
      if (parts.length == 3) {
        list(exchange, query);
      } else if (parts.length == 5 && parts[4].equals("versions")) {
        versions(exchange, decode(parts[3]), query);
      } else if (parts.length == 6 && parts[4].equals("versions")) {
        version(exchange, decode(parts[3]), decode(parts[5]), query);
      } else {
        problem(exchange, 404, "Server not found");
      }
    }
  }

  private void list(HttpExchange exchange, Map<String, String> query) throws IOException {
    int limit;
    try {
      limit = Integer.parseInt(query.getOrDefault("limit", "30"));
    } catch (NumberFormatException e) {
      limit = -1;
    }
    if (limit < 1 || limit > 100) {
      problem(exchange, 422, "limit must be between 1 and 100");
      return;
    }
    Instant since = null;
    if (query.containsKey("updated_since")) {
      try {
        since = OffsetDateTime.parse(query.get("updated_since")).toInstant();
      } catch (DateTimeParseException e) {
        problem(exchange, 400, "Invalid updated_since format: use RFC3339");
        return;
      }
      if ("false".equals(query.get("include_deleted"))) {
        problem(exchange, 400, "include_deleted=false cannot be combined with updated_since");
        return;
      }
    }
    boolean includeDeleted = since != null || "true".equals(query.get("include_deleted"));
    String search = query.get("search");
    String version = query.get("version");
    Instant after = since;
    List<JsonObject> matching =
        entries.stream()
            .filter(e -> includeDeleted || !"deleted".equals(status(e)))
            .filter(e -> search == null || name(e).contains(search))
            .filter(e -> after == null || updatedAt(e).isAfter(after))
            .filter(e -> version == null || matchesVersion(e, version))
            .map(e -> Map.entry(key(e), e))
            .sorted(Map.Entry.comparingByKey())
            .map(Map.Entry::getValue)
            .toList();
    String cursor = query.get("cursor");
    int start = 0;
    if (cursor != null) {
      while (start < matching.size() && key(matching.get(start)).compareTo(cursor) <= 0) {
        start++;
      }
    }
    List<JsonObject> page = matching.subList(start, Math.min(matching.size(), start + limit));
    JsonObject metadata = new JsonObject();
    metadata.addProperty("count", page.size());
    if (start + limit < matching.size()) {
      metadata.addProperty("nextCursor", key(page.getLast()));
    }
    respond(exchange, page, metadata);
  }

  private void versions(HttpExchange exchange, String name, Map<String, String> query)
      throws IOException {
    boolean includeDeleted = "true".equals(query.get("include_deleted"));
    List<JsonObject> found =
        entries.stream()
            .filter(e -> name(e).equals(name))
            .filter(e -> includeDeleted || !"deleted".equals(status(e)))
            .sorted(Comparator.comparing(LoopbackRegistry::updatedAt).reversed())
            .toList();
    if (found.isEmpty()) {
      problem(exchange, 404, "Server not found");
      return;
    }
    JsonObject metadata = new JsonObject();
    metadata.addProperty("count", found.size());
    respond(exchange, found, metadata);
  }

  private void version(
      HttpExchange exchange, String name, String version, Map<String, String> query)
      throws IOException {
    boolean includeDeleted = "true".equals(query.get("include_deleted"));
    var found =
        entries.stream()
            .filter(e -> name(e).equals(name))
            .filter(e -> includeDeleted || !"deleted".equals(status(e)))
            .filter(e -> matchesVersion(e, version))
            .findFirst();
    if (found.isEmpty()) {
      problem(exchange, 404, "Server not found");
      return;
    }
    send(exchange, 200, "application/json", found.get().toString());
  }

  private void respond(HttpExchange exchange, List<JsonObject> page, JsonObject metadata)
      throws IOException {
    JsonArray servers = new JsonArray();
    page.forEach(servers::add);
    JsonObject body = new JsonObject();
    body.add("servers", servers);
    body.add("metadata", metadata);
    send(exchange, 200, "application/json", body.toString());
  }

  private static void problem(HttpExchange exchange, int status, String detail) throws IOException {
    JsonObject body = new JsonObject();
    body.addProperty("title", status == 404 ? "Not Found" : "Error");
    body.addProperty("status", status);
    body.addProperty("detail", detail);
    send(exchange, status, "application/problem+json", body.toString());
  }

  private static void send(HttpExchange exchange, int status, String type, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  private void pause() {
    Duration wait = delay.get();
    if (!wait.isZero()) {
      try {
        Thread.sleep(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static boolean matchesVersion(JsonObject entry, String version) {
    return "latest".equals(version) ? latest(entry) : version(entry).equals(version);
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> params = new HashMap<>();
    if (raw == null || raw.isEmpty()) {
      return params;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String key = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      params.put(
          URLDecoder.decode(key, StandardCharsets.UTF_8),
          URLDecoder.decode(value, StandardCharsets.UTF_8));
    }
    return params;
  }

  /** Go's {@code url.PathUnescape}: {@code %XX} decoded, a literal {@code +} kept. */
  private static String decode(String segment) {
    return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  private static JsonObject official(JsonObject entry) {
    return entry.getAsJsonObject("_meta").getAsJsonObject(RegistryEntry.OFFICIAL);
  }

  private static String name(JsonObject entry) {
    return entry.getAsJsonObject("server").get("name").getAsString();
  }

  private static String version(JsonObject entry) {
    return entry.getAsJsonObject("server").get("version").getAsString();
  }

  private static String key(JsonObject entry) {
    return name(entry) + ":" + version(entry);
  }

  private static String status(JsonObject entry) {
    return official(entry).get("status").getAsString();
  }

  private static boolean latest(JsonObject entry) {
    return official(entry).get("isLatest").getAsBoolean();
  }

  private static Instant updatedAt(JsonObject entry) {
    return Instant.parse(official(entry).get("updatedAt").getAsString());
  }
}
