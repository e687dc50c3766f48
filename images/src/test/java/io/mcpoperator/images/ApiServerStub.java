package io.mcpoperator.images;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * The least of a Kubernetes API server an operator needs to start: {@code /version}, empty
 * discovery (so every CRD is missing, which the operator reports and survives), empty lists and
 * watches that stay open. Records the requests it saw.
 */
final class ApiServerStub implements AutoCloseable {

  private static final String VERSION =
      """
      {"major": "1", "minor": "33", "gitVersion": "v1.33.0", "gitCommit": "0000000",
       "gitTreeState": "clean", "buildDate": "2026-01-01T00:00:00Z", "goVersion": "go1.24",
       "compiler": "gc", "platform": "linux/amd64"}
      """;

  private final HttpServer server;
  private final List<String> requests = new CopyOnWriteArrayList<>();

  private ApiServerStub(HttpServer server) {
    this.server = server;
  }

  static ApiServerStub start() throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    ApiServerStub stub = new ApiServerStub(server);
    server.createContext("/", stub::handle);
    server.start();
    return stub;
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  List<String> requests() {
    return List.copyOf(requests);
  }

  private void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    String query = String.valueOf(exchange.getRequestURI().getQuery());
    requests.add(exchange.getRequestMethod() + " " + path);
    try (exchange) {
      if (path.startsWith("/version")) {
        send(exchange, 200, VERSION);
      } else if (path.equals("/api")) {
        send(exchange, 200, "{\"kind\":\"APIVersions\",\"versions\":[\"v1\"]}");
      } else if (path.equals("/apis")) {
        send(exchange, 200, "{\"kind\":\"APIGroupList\",\"apiVersion\":\"v1\",\"groups\":[]}");
      } else if (query.contains("watch=true")) {
        exchange.sendResponseHeaders(200, 0);
        exchange.getResponseBody().flush();
        Thread.sleep(30_000);
      } else if (exchange.getRequestMethod().equals("GET")) {
        send(
            exchange,
            404,
            "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"reason\":\"NotFound\",\"code\":404}");
      } else {
        send(
            exchange,
            403,
            "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"reason\":\"Forbidden\",\"code\":403}");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void send(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
