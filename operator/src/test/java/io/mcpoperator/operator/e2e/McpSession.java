package io.mcpoperator.operator.e2e;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A user's MCP client, minimal: one session over Streamable HTTP (protocol 2025-11-25) with
 * requests, and the session's GET stream for the server's notifications. Written here because the
 * operator module does not depend on an MCP SDK; it shares only the configuration contract with the
 * gateway.
 */
final class McpSession implements AutoCloseable {
  static final String PROTOCOL_VERSION = "2025-11-25";
  private static final Duration TIMEOUT = Duration.ofSeconds(20);

  private final HttpClient http;
  private final URI endpoint;
  private final String sessionId;
  private final JsonObject initializeResult;
  private final AtomicInteger ids = new AtomicInteger(1);
  private final List<String> notifications = new CopyOnWriteArrayList<>();

  private McpSession(HttpClient http, URI endpoint, String sessionId, JsonObject initialize) {
    this.http = http;
    this.endpoint = endpoint;
    this.sessionId = sessionId;
    this.initializeResult = initialize;
  }

  /** Initializes a session at {@code endpoint} (e.g. {@code http://127.0.0.1:8090/mcp}). */
  static McpSession open(URI endpoint) throws IOException, InterruptedException {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    String initialize =
        """
        {"jsonrpc": "2.0", "id": 0, "method": "initialize", "params": {
          "protocolVersion": "%s", "capabilities": {},
          "clientInfo": {"name": "full-path-test", "version": "1"}}}"""
            .formatted(PROTOCOL_VERSION);
    HttpResponse<String> response = http.send(post(endpoint, initialize).build(), ofString());
    String sessionId =
        response
            .headers()
            .firstValue("Mcp-Session-Id")
            .orElseThrow(
                () -> new IllegalStateException("initialize gave no session: " + response.body()));
    JsonObject result = answer(response, 0).getAsJsonObject("result");
    McpSession session = new McpSession(http, endpoint, sessionId, result);
    session.notifyServer("notifications/initialized");
    return session;
  }

  JsonObject initializeResult() {
    return initializeResult;
  }

  /**
   * The result of {@code method}; fails when the server answers with a JSON-RPC error. {@code
   * params} is JSON, read leniently: {@code "{'name': 'get-forecast'}"} will do.
   */
  JsonObject result(String method, String params) throws IOException, InterruptedException {
    JsonObject answer = send(method, params);
    if (!answer.has("result")) {
      throw new AssertionError(method + " failed: " + answer);
    }
    return answer.getAsJsonObject("result");
  }

  /** The whole JSON-RPC answer to {@code method}: {@code result} or {@code error}. */
  JsonObject send(String method, String params) throws IOException, InterruptedException {
    int id = ids.getAndIncrement();
    JsonObject request = new JsonObject();
    request.addProperty("jsonrpc", "2.0");
    request.addProperty("id", id);
    request.addProperty("method", method);
    request.add("params", JsonParser.parseString(params));
    return answer(http.send(inSession(post(endpoint, request.toString())).build(), ofString()), id);
  }

  /**
   * Opens the session's GET stream and returns once the server has accepted it; from then on the
   * methods of the notifications it carries are collected in {@link #notifications()}.
   */
  void listen() throws Exception {
    HttpRequest request =
        inSession(HttpRequest.newBuilder(endpoint).header("Accept", "text/event-stream"))
            .GET()
            .build();
    HttpResponse<Stream<String>> response =
        http.sendAsync(request, HttpResponse.BodyHandlers.ofLines())
            .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    if (response.statusCode() != 200) {
      throw new IllegalStateException("GET stream refused: " + response.statusCode());
    }
    Thread.ofVirtual().name("mcp-get-stream").start(() -> collect(response.body()));
  }

  /** The methods of the notifications received on the GET stream so far, in order. */
  List<String> notifications() {
    return List.copyOf(notifications);
  }

  private void collect(Stream<String> lines) {
    try (lines) {
      lines
          .filter(line -> line.startsWith("data:"))
          .map(line -> line.substring("data:".length()).strip())
          .filter(data -> !data.isEmpty())
          .map(data -> JsonParser.parseString(data).getAsJsonObject())
          .filter(message -> message.has("method"))
          .forEach(message -> notifications.add(message.get("method").getAsString()));
    } catch (UncheckedIOException e) {
      // the stream ends when the session or the client closes
    }
  }

  private void notifyServer(String method) throws IOException, InterruptedException {
    String body = "{\"jsonrpc\": \"2.0\", \"method\": \"%s\"}".formatted(method);
    HttpResponse<String> response = http.send(inSession(post(endpoint, body)).build(), ofString());
    if (response.statusCode() != 202) {
      throw new IllegalStateException(method + " not accepted: " + response.statusCode());
    }
  }

  private HttpRequest.Builder inSession(HttpRequest.Builder request) {
    return request
        .header("Mcp-Session-Id", sessionId)
        .header("MCP-Protocol-Version", PROTOCOL_VERSION);
  }

  private static HttpRequest.Builder post(URI endpoint, String body) {
    return HttpRequest.newBuilder(endpoint)
        .timeout(TIMEOUT)
        .header("Content-Type", "application/json")
        .header("Accept", "application/json, text/event-stream")
        .POST(HttpRequest.BodyPublishers.ofString(body));
  }

  private static HttpResponse.BodyHandler<String> ofString() {
    return HttpResponse.BodyHandlers.ofString();
  }

  /** The answer with {@code id}: the JSON body, or the matching event of an SSE body. */
  private static JsonObject answer(HttpResponse<String> response, int id) {
    boolean sse =
        response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream");
    Stream<String> messages =
        sse
            ? response
                .body()
                .lines()
                .filter(line -> line.startsWith("data:"))
                .map(line -> line.substring("data:".length()).strip())
            : Stream.of(response.body());
    Optional<JsonObject> answer =
        messages
            .filter(text -> !text.isEmpty())
            .map(text -> JsonParser.parseString(text).getAsJsonObject())
            .filter(m -> m.has("id") && !m.get("id").isJsonNull() && m.get("id").getAsInt() == id)
            .findFirst();
    return answer.orElseThrow(
        () ->
            new IllegalStateException(
                "no answer to request "
                    + id
                    + " ("
                    + response.statusCode()
                    + "): "
                    + response.body()));
  }

  /** Ends the session (DELETE) and the GET stream. */
  @Override
  public void close() {
    try {
      http.send(
          inSession(HttpRequest.newBuilder(endpoint).timeout(TIMEOUT).DELETE()).build(),
          HttpResponse.BodyHandlers.discarding());
    } catch (IOException e) {
      // the gateway may already be gone
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      http.shutdownNow();
    }
  }
}
