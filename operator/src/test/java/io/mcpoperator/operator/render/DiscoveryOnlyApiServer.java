package io.mcpoperator.operator.render;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Just enough of a Kubernetes API server on 127.0.0.1 for {@code kubectl apply --dry-run=client}:
 * legacy discovery of the kinds render prints (kubectl maps each document's kind to a resource
 * before anything else, even in client dry-run), and 404 for every object it looks up (client
 * dry-run GETs each object to choose between create and patch). Records the requests, so a test can
 * tell that kubectl wrote nothing.
 */
final class DiscoveryOnlyApiServer implements AutoCloseable {
  private static final Map<String, String> RESOURCES =
      Map.of(
          "/api/v1",
          list("v1", resource("configmaps", "ConfigMap"), resource("services", "Service")),
          "/apis/apps/v1",
          list("apps/v1", resource("deployments", "Deployment")),
          "/apis/networking.k8s.io/v1",
          list("networking.k8s.io/v1", resource("ingresses", "Ingress")),
          "/apis/policy/v1",
          list("policy/v1", resource("poddisruptionbudgets", "PodDisruptionBudget")));

  private final HttpServer server;
  private final List<String> requests = new CopyOnWriteArrayList<>();

  DiscoveryOnlyApiServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  List<String> requests() {
    return List.copyOf(requests);
  }

  private void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    requests.add(exchange.getRequestMethod() + " " + path);
    String body =
        switch (path) {
          case "/api" -> "{\"kind\":\"APIVersions\",\"versions\":[\"v1\"]}";
          case "/apis" ->
              "{\"kind\":\"APIGroupList\",\"apiVersion\":\"v1\",\"groups\":["
                  + group("apps")
                  + ","
                  + group("networking.k8s.io")
                  + ","
                  + group("policy")
                  + "]}";
          case "/version" -> "{\"major\":\"1\",\"minor\":\"32\",\"gitVersion\":\"v1.32.0\"}";
          default -> RESOURCES.get(path);
        };
    int status = 200;
    if (body == null) {
      status = 404;
      body =
          "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"reason\":\"NotFound\","
              + "\"code\":404,\"message\":\"not found\"}";
    }
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static String group(String name) {
    String version = "{\"groupVersion\":\"" + name + "/v1\",\"version\":\"v1\"}";
    return "{\"name\":\""
        + name
        + "\",\"versions\":["
        + version
        + "],\"preferredVersion\":"
        + version
        + "}";
  }

  private static String resource(String plural, String kind) {
    return "{\"name\":\""
        + plural
        + "\",\"singularName\":\"\",\"namespaced\":true,\"kind\":\""
        + kind
        + "\",\"verbs\":[\"create\",\"delete\",\"get\",\"list\",\"patch\",\"update\",\"watch\"]}";
  }

  private static String list(String groupVersion, String... resources) {
    return "{\"kind\":\"APIResourceList\",\"apiVersion\":\"v1\",\"groupVersion\":\""
        + groupVersion
        + "\",\"resources\":["
        + String.join(",", resources)
        + "]}";
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
