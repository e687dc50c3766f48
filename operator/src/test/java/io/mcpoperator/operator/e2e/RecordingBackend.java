package io.mcpoperator.operator.e2e;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A team's existing HTTP service, the kind MCPTools and MCPResources turn into MCP: a JDK {@link
 * HttpServer} on 127.0.0.1 that records every request it receives.
 *
 * <ul>
 *   <li>{@code POST /forecast} with a JSON body {@code {"city": ..}}: {@code {"city": .., "sky":
 *       "sunny", "temperatureC": 21}}
 *   <li>{@code GET /articles/<id>?lang=..}: {@code {"id": .., "title": "Article <id>", "lang": ..}}
 * </ul>
 */
final class RecordingBackend implements AutoCloseable {

  /** One request as the backend saw it. */
  record Received(String method, String pathAndQuery, String body) {}

  private final HttpServer server;
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
  private final List<Received> received = new CopyOnWriteArrayList<>();

  private RecordingBackend(HttpServer server) {
    this.server = server;
  }

  static RecordingBackend start() throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    RecordingBackend backend = new RecordingBackend(server);
    server.createContext("/forecast", backend::forecast);
    server.createContext("/articles/", backend::article);
    server.setExecutor(backend.executor);
    server.start();
    return backend;
  }

  int port() {
    return server.getAddress().getPort();
  }

  /** The requests received so far, oldest first. */
  List<Received> received() {
    return List.copyOf(received);
  }

  private void forecast(HttpExchange exchange) throws IOException {
    String body = record(exchange);
    JsonObject answer = new JsonObject();
    answer.add("city", JsonParser.parseString(body).getAsJsonObject().get("city"));
    answer.addProperty("sky", "sunny");
    answer.addProperty("temperatureC", 21);
    respond(exchange, answer);
  }

  private void article(HttpExchange exchange) throws IOException {
    record(exchange);
    String id = exchange.getRequestURI().getPath().substring("/articles/".length());
    JsonObject answer = new JsonObject();
    answer.addProperty("id", id);
    answer.addProperty("title", "Article " + id);
    query(exchange, "lang").ifPresent(lang -> answer.addProperty("lang", lang));
    respond(exchange, answer);
  }

  private String record(HttpExchange exchange) throws IOException {
    String body;
    try (InputStream in = exchange.getRequestBody()) {
      body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    received.add(
        new Received(exchange.getRequestMethod(), exchange.getRequestURI().toString(), body));
    return body;
  }

  private static Optional<String> query(HttpExchange exchange, String name) {
    String query = Optional.ofNullable(exchange.getRequestURI().getQuery()).orElse("");
    for (String pair : query.split("&")) {
      if (pair.startsWith(name + "=")) {
        return Optional.of(pair.substring(name.length() + 1));
      }
    }
    return Optional.empty();
  }

  private static void respond(HttpExchange exchange, JsonObject answer) throws IOException {
    byte[] bytes = answer.toString().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.close();
  }
}
