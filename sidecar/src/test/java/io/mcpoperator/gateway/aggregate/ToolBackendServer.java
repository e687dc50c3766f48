package io.mcpoperator.gateway.aggregate;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.WebServer;
import io.mcpoperator.mcp.jsonrpc.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A plain HTTP service on a free loopback port, standing in for the Services behind MCPTools and
 * MCPResources: {@code GET /forecast}, {@code POST /translate}, {@code GET /fail} (500), {@code GET
 * /slow} (3 s), {@code GET /api/v1/customers/{id}}.
 */
final class ToolBackendServer implements AutoCloseable {
  final AtomicInteger forecastCalls = new AtomicInteger();
  private final WebServer server;

  ToolBackendServer() {
    server =
        WebServer.builder()
            .host("127.0.0.1")
            .port(0)
            .routing(
                r ->
                    r.get(
                            "/forecast",
                            (req, res) -> {
                              forecastCalls.incrementAndGet();
                              json(
                                  res,
                                  Json.object()
                                      .add("temperatureC", 21.5)
                                      .add("city", req.query().first("city").orElse(""))
                                      .add(
                                          "auth",
                                          req.headers().first(HeaderNames.AUTHORIZATION).orElse(""))
                                      .add(
                                          "client",
                                          req.headers()
                                              .first(HeaderNames.create("X-Client"))
                                              .orElse(""))
                                      .build());
                            })
                        .post(
                            "/translate",
                            (req, res) -> {
                              var body = (JsonObject) Json.parse(req.content().as(String.class));
                              json(
                                  res,
                                  Json.object()
                                      .add("text", body.getString("text").toUpperCase())
                                      .add("to", body.getString("to"))
                                      .build());
                            })
                        .get(
                            "/fail",
                            (req, res) ->
                                res.status(Status.INTERNAL_SERVER_ERROR_500)
                                    .send("database on fire"))
                        .get(
                            "/slow",
                            (req, res) -> {
                              try {
                                Thread.sleep(3000);
                              } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                              }
                              res.send("late");
                            })
                        .get(
                            "/api/v1/customers/{id}",
                            (req, res) ->
                                json(
                                    res,
                                    Json.object()
                                        .add("id", req.path().pathParameters().get("id"))
                                        .add(
                                            "tenant",
                                            req.headers()
                                                .first(HeaderNames.create("X-Tenant"))
                                                .orElse(""))
                                        .add("verbose", req.query().first("verbose").orElse("no"))
                                        .build())))
            .build()
            .start();
  }

  private static void json(io.helidon.webserver.http.ServerResponse res, JsonObject body) {
    res.header(HeaderNames.CONTENT_TYPE, "application/json").send(Json.write(body));
  }

  String baseUri() {
    return "http://127.0.0.1:" + server.port();
  }

  /** A loopback URL where nothing listens. */
  static String deadUri() throws IOException {
    try (var socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return "http://127.0.0.1:" + socket.getLocalPort();
    }
  }

  /** The test gateway configuration with this server's and a dead URL filled in. */
  String config() throws IOException {
    try (InputStream in = getClass().getResourceAsStream("/aggregate/gateway.json")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .replace("@BACKEND@", baseUri())
          .replace("@DEAD@", deadUri());
    }
  }

  @Override
  public void close() {
    server.stop();
  }
}
