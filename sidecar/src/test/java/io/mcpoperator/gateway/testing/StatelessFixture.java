package io.mcpoperator.gateway.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.mcpoperator.mcp.jsonrpc.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * An MCP server that speaks only the stateless revision 2026-07-28 over Streamable HTTP, strictly:
 * every request needs {@code MCP-Protocol-Version}, {@code Mcp-Method} and (for tools/call) {@code
 * Mcp-Name} headers equal to the body and the {@code _meta} protocol version and client
 * capabilities; {@code initialize} is refused. Its tools: {@code echo}, {@code héllo} (a name that
 * needs the Base64 header form), {@code region} (its argument mirrored in {@code
 * Mcp-Param-Region}), {@code broken} (an invalid {@code x-mcp-header}), {@code greet} (one
 * elicitation round, MRTR), {@code survey} (an elicitation round, then a roots round, state carried
 * in {@code requestState}), {@code nag} (asks forever), {@code progress} (SSE with progress),
 * {@code slow} (SSE until the client closes it).
 */
public final class StatelessFixture implements AutoCloseable {
  public static final String VERSION = "2026-07-28";

  /** How the fixture refuses the legacy {@code initialize}. */
  public enum Refusal {
    /** 400 with -32022 naming the versions it supports. */
    UNSUPPORTED_VERSION,
    /** 404 with -32601. */
    METHOD_NOT_FOUND
  }

  /** One request as received: lower-cased header names, and the JSON body. */
  public record Received(Map<String, String> headers, JsonObject body) {
    public String method() {
      return body.getString("method", "");
    }

    public JsonObject params() {
      return body.containsKey("params")
          ? body.getJsonObject("params")
          : JsonValue.EMPTY_JSON_OBJECT;
    }

    public Optional<String> header(String name) {
      return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }
  }

  private final HttpServer server;
  private final Refusal refusal;
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final AtomicInteger closedStreams = new AtomicInteger();
  private final AtomicInteger nagRounds = new AtomicInteger();

  public StatelessFixture(Refusal refusal) {
    this.refusal = refusal;
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.createContext("/mcp", this::handle);
    server.start();
  }

  public String uri() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/mcp";
  }

  public URI baseUri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** Every request and notification received, in order. */
  public List<Received> received() {
    return List.copyOf(received);
  }

  /** The tools/call requests received for {@code tool}. */
  public List<Received> calls(String tool) {
    return received.stream()
        .filter(r -> r.method().equals("tools/call"))
        .filter(r -> r.params().getString("name", "").equals(tool))
        .toList();
  }

  /** How many response streams the client closed before their end. */
  public int closedStreams() {
    return closedStreams.get();
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!exchange.getRequestMethod().equals("POST")) {
        exchange.sendResponseHeaders(405, -1);
        return;
      }
      Map<String, String> headers =
          exchange.getRequestHeaders().entrySet().stream()
              .collect(
                  Collectors.toMap(
                      e -> e.getKey().toLowerCase(Locale.ROOT), e -> e.getValue().getFirst()));
      JsonObject body = Json.parse(exchange.getRequestBody().readAllBytes()).asJsonObject();
      var request = new Received(headers, body);
      received.add(request);
      if (!body.containsKey("id")) {
        exchange.sendResponseHeaders(202, -1);
        return;
      }
      serve(exchange, request, body.get("id"));
    }
  }

  private void serve(HttpExchange exchange, Received request, JsonValue id) throws IOException {
    if (request.method().equals("initialize")) {
      if (refusal == Refusal.METHOD_NOT_FOUND) {
        error(exchange, 404, id, -32601, "Method not found: initialize", null);
      } else {
        error(
            exchange,
            400,
            id,
            -32022,
            "Unsupported protocol version: this server speaks only " + VERSION,
            Json.object()
                .add("supported", Json.array().add(VERSION))
                .add("requested", request.params().getString("protocolVersion", ""))
                .build());
      }
      return;
    }
    Optional<String> problem = headerProblem(request);
    if (problem.isPresent()) {
      error(exchange, 400, id, -32020, "Header mismatch: " + problem.get(), null);
      return;
    }
    JsonObject meta = request.params().getJsonObject("_meta");
    if (!meta.getString("io.modelcontextprotocol/protocolVersion").equals(VERSION)) {
      error(
          exchange,
          400,
          id,
          -32022,
          "Unsupported protocol version",
          Json.object()
              .add("supported", Json.array().add(VERSION))
              .add("requested", meta.getString("io.modelcontextprotocol/protocolVersion"))
              .build());
      return;
    }
    switch (request.method()) {
      case "server/discover" -> result(exchange, id, discover());
      case "tools/list" -> result(exchange, id, Json.object().add("tools", tools()).build());
      case "tools/call" -> call(exchange, request, id);
      default -> error(exchange, 404, id, -32601, "Method not found: " + request.method(), null);
    }
  }

  private static Optional<String> headerProblem(Received request) {
    Optional<String> version = request.header("MCP-Protocol-Version");
    if (version.isEmpty()) {
      return Optional.of("the MCP-Protocol-Version header is required");
    }
    JsonObject meta =
        request.params().containsKey("_meta")
            ? request.params().getJsonObject("_meta")
            : JsonValue.EMPTY_JSON_OBJECT;
    if (!meta.containsKey("io.modelcontextprotocol/protocolVersion")
        || !meta.containsKey("io.modelcontextprotocol/clientCapabilities")) {
      return Optional.of("_meta lacks protocolVersion or clientCapabilities");
    }
    if (!version.get().equals(meta.getString("io.modelcontextprotocol/protocolVersion"))) {
      return Optional.of("MCP-Protocol-Version does not match _meta");
    }
    if (!request.header("Mcp-Method").equals(Optional.of(request.method()))) {
      return Optional.of("Mcp-Method " + request.header("Mcp-Method") + " does not match body");
    }
    if (request.method().equals("tools/call")) {
      String name = request.params().getString("name", "");
      Optional<String> sent = request.header("Mcp-Name").map(StatelessFixture::decode);
      if (!sent.equals(Optional.of(name))) {
        return Optional.of("Mcp-Name " + sent + " does not match body value '" + name + "'");
      }
    }
    return Optional.empty();
  }

  private static String decode(String value) {
    if (value.startsWith("=?base64?") && value.endsWith("?=")) {
      return new String(
          Base64.getDecoder().decode(value.substring(9, value.length() - 2)),
          StandardCharsets.UTF_8);
    }
    return value;
  }

  private static JsonObject discover() {
    return Json.object()
        .add("supportedVersions", Json.array().add(VERSION))
        .add("capabilities", Json.object().add("tools", Json.object()))
        .add("instructions", "A stateless test server")
        .add("ttlMs", 0)
        .add("cacheScope", "public")
        .add(
            "_meta",
            Json.object()
                .add(
                    "io.modelcontextprotocol/serverInfo",
                    Json.object().add("name", "stateless-fixture").add("version", "1.0.0")))
        .build();
  }

  private static JsonArray tools() {
    var tools = Json.array();
    tools.add(
        Json.object()
            .add("name", "region")
            .add(
                "inputSchema",
                Json.object()
                    .add("type", "object")
                    .add(
                        "properties",
                        Json.object()
                            .add(
                                "region",
                                Json.object()
                                    .add("type", "string")
                                    .add("x-mcp-header", "Region")))));
    tools.add(
        Json.object()
            .add("name", "broken")
            .add(
                "inputSchema",
                Json.object()
                    .add("type", "object")
                    .add(
                        "properties",
                        Json.object()
                            .add(
                                "ratio",
                                Json.object()
                                    .add("type", "number")
                                    .add("x-mcp-header", "Ratio")))));
    for (String name : List.of("echo", "héllo", "greet", "survey", "nag", "progress", "slow")) {
      tools.add(
          Json.object()
              .add("name", name)
              .add(
                  "inputSchema",
                  Json.object()
                      .add("type", "object")
                      .add(
                          "properties",
                          Json.object().add("text", Json.object().add("type", "string")))));
    }
    return tools.build();
  }

  private void call(HttpExchange exchange, Received request, JsonValue id) throws IOException {
    JsonObject params = request.params();
    JsonObject args =
        params.containsKey("arguments")
            ? params.getJsonObject("arguments")
            : JsonValue.EMPTY_JSON_OBJECT;
    Optional<JsonObject> responses = Json.object(params, "inputResponses");
    Optional<String> state = Json.string(params, "requestState");
    switch (params.getString("name", "")) {
      case "echo" -> result(exchange, id, text(args.getString("text", "")));
      case "héllo" -> result(exchange, id, text("bonjour"));
      case "region" -> {
        Optional<String> header = request.header("Mcp-Param-Region").map(StatelessFixture::decode);
        if (!header.equals(Optional.of(args.getString("region", "")))) {
          error(
              exchange,
              400,
              id,
              -32020,
              "Header mismatch: Mcp-Param-Region " + header + " does not match the body",
              null);
        } else {
          result(exchange, id, text("region " + header.get()));
        }
      }
      case "greet" -> greet(exchange, request, id, responses, state);
      case "survey" -> survey(exchange, id, responses, state);
      case "nag" ->
          result(
              exchange,
              id,
              inputRequired(
                  "again", elicitation("Still there?"), "nag-" + nagRounds.incrementAndGet()));
      case "progress" -> progress(exchange, request, id);
      case "slow" -> slow(exchange, id);
      default ->
          error(exchange, 200, id, -32602, "Unknown tool: " + params.getString("name", ""), null);
    }
  }

  private void greet(
      HttpExchange exchange,
      Received request,
      JsonValue id,
      Optional<JsonObject> responses,
      Optional<String> state)
      throws IOException {
    JsonObject capabilities =
        request
            .params()
            .getJsonObject("_meta")
            .getJsonObject("io.modelcontextprotocol/clientCapabilities");
    if (!capabilities.containsKey("elicitation")) {
      error(
          exchange,
          400,
          id,
          -32021,
          "Missing required client capability: elicitation",
          Json.object()
              .add("requiredCapabilities", Json.object().add("elicitation", Json.object()))
              .build());
      return;
    }
    if (responses.isEmpty()) {
      result(exchange, id, inputRequired("who", elicitation("Who are you?"), "greet-state-1"));
      return;
    }
    if (!state.equals(Optional.of("greet-state-1"))) {
      error(exchange, 200, id, -32602, "requestState was not echoed: " + state, null);
      return;
    }
    JsonObject who = responses.get().getJsonObject("who");
    String action = who.getString("action", "");
    result(
        exchange,
        id,
        text(
            action.equals("accept")
                ? "Hello, " + who.getJsonObject("content").getString("name") + "!"
                : "No greeting (" + action + ")"));
  }

  private void survey(
      HttpExchange exchange, JsonValue id, Optional<JsonObject> responses, Optional<String> state)
      throws IOException {
    if (state.isEmpty()) {
      result(exchange, id, inputRequired("name", elicitation("Your name?"), "survey-1"));
    } else if (state.get().equals("survey-1")) {
      String name =
          responses.get().getJsonObject("name").getJsonObject("content").getString("name");
      result(
          exchange,
          id,
          inputRequired(
              "roots",
              Json.object().add("method", "roots/list").add("params", Json.object()).build(),
              "survey-2:" + name));
    } else {
      String name = state.get().substring("survey-2:".length());
      int roots = responses.get().getJsonObject("roots").getJsonArray("roots").size();
      result(exchange, id, text(name + " has " + roots + " roots"));
    }
  }

  private static JsonObject elicitation(String message) {
    return Json.object()
        .add("method", "elicitation/create")
        .add(
            "params",
            Json.object()
                .add("mode", "form")
                .add("message", message)
                .add(
                    "requestedSchema",
                    Json.object()
                        .add("type", "object")
                        .add(
                            "properties",
                            Json.object().add("name", Json.object().add("type", "string")))
                        .add("required", Json.array().add("name"))))
        .build();
  }

  private static JsonObject inputRequired(String key, JsonObject request, String state) {
    return Json.object()
        .add("resultType", "input_required")
        .add("inputRequests", Json.object().add(key, request))
        .add("requestState", state)
        .build();
  }

  private void progress(HttpExchange exchange, Received request, JsonValue id) throws IOException {
    JsonValue token = request.params().getJsonObject("_meta").get("progressToken");
    exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
    exchange.sendResponseHeaders(200, 0);
    OutputStream out = exchange.getResponseBody();
    if (token != null) {
      for (int i = 1; i <= 3; i++) {
        event(
            out,
            Json.object()
                .add("jsonrpc", "2.0")
                .add("method", "notifications/progress")
                .add(
                    "params",
                    Json.object().add("progressToken", token).add("progress", i).add("total", 3))
                .build());
      }
    }
    event(out, response(id, complete(text("done"))));
  }

  private void slow(HttpExchange exchange, JsonValue id) throws IOException {
    exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
    exchange.sendResponseHeaders(200, 0);
    OutputStream out = exchange.getResponseBody();
    try {
      for (int i = 0; i < 200; i++) {
        out.write(": keep-alive\n\n".getBytes(StandardCharsets.UTF_8));
        out.flush();
        Thread.sleep(50);
      }
      event(out, response(id, complete(text("slow done"))));
    } catch (IOException e) {
      closedStreams.incrementAndGet();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void event(OutputStream out, JsonObject message) throws IOException {
    out.write(
        ("event: message\ndata: " + Json.write(message) + "\n\n").getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  private static JsonObject text(String text) {
    return Json.object()
        .add("content", Json.array().add(Json.object().add("type", "text").add("text", text)))
        .build();
  }

  private static JsonObject complete(JsonObject result) {
    return Json.object(result).add("resultType", "complete").build();
  }

  private static JsonObject response(JsonValue id, JsonObject result) {
    return Json.object().add("jsonrpc", "2.0").add("id", id).add("result", result).build();
  }

  private static void result(HttpExchange exchange, JsonValue id, JsonObject result)
      throws IOException {
    JsonObject body = response(id, result.containsKey("resultType") ? result : complete(result));
    send(exchange, 200, body);
  }

  private static void error(
      HttpExchange exchange, int status, JsonValue id, int code, String message, JsonObject data)
      throws IOException {
    var error = Json.object().add("code", code).add("message", message);
    if (data != null) {
      error.add("data", data);
    }
    send(
        exchange,
        status,
        Json.object().add("jsonrpc", "2.0").add("id", id).add("error", error).build());
  }

  private static void send(HttpExchange exchange, int status, JsonObject body) throws IOException {
    byte[] bytes = Json.write(body).getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  /** The string value of a JSON string, for assertions. */
  public static String string(JsonValue value) {
    return ((JsonString) value).getString();
  }
}
