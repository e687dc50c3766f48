package io.mcpoperator.gateway.training;

import io.mcpoperator.gateway.Gateway;
import io.mcpoperator.gateway.config.CommandLine;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * {@code mcp-gateway --aot-training}: starts a gateway on a loopback port in front of {@link
 * TrainingUpstream} (a child JVM on the gateway's own class path), drives the paths a client uses —
 * initialize, tools/list, many tools/call answered as JSON and on SSE, ping, the standalone GET
 * stream, DELETE, stateless 2026-07-28 calls, rejected requests, health and metrics — and stops.
 * Any unexpected answer fails the run, so an image build that trains also smoke-tests the jar.
 */
public final class AotTraining {
  private static final String PROTOCOL = "2025-11-25";
  private static final String CALL =
      "{\"jsonrpc\":\"2.0\",\"id\":%d,\"method\":\"tools/call\",\"params\":{\"name\":\"echo\","
          + "\"arguments\":{\"message\":\"training %d\"}%s}}";
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final URI mcp;
  private final URI base;
  private int checks;

  private AotTraining(int port) {
    this.base = URI.create("http://127.0.0.1:" + port);
    this.mcp = base.resolve("/mcp");
  }

  /** Runs the training with {@code calls} tool calls per kind; returns the number of checks. */
  public static int run(int calls) throws IOException, InterruptedException {
    int port = freePort();
    var config =
        ((CommandLine.FromFlags)
                CommandLine.parse(
                    List.of(
                        "--port",
                        String.valueOf(port),
                        "--upstream-command",
                        String.join(" ", upstreamCommand())),
                    Map.of()))
            .config();
    try (Gateway gateway = Gateway.start(config, "127.0.0.1")) {
      var training = new AotTraining(gateway.port());
      training.workout(calls);
      return training.checks;
    }
  }

  /** The command that starts {@link TrainingUpstream} with this JVM's class path. */
  static List<String> upstreamCommand() {
    String java =
        ProcessHandle.current()
            .info()
            .command()
            .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    String classPath = System.getProperty("java.class.path");
    return List.of(java, "-Xshare:auto", "-cp", classPath, TrainingUpstream.class.getName());
  }

  private void workout(int calls) throws IOException, InterruptedException {
    awaitReady();
    String session = initialize();
    post(session, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}", 202);
    expect(post(session, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}", 200), "echo");
    expect(post(session, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"ping\"}", 200), "result");
    for (int i = 0; i < calls; i++) {
      expect(post(session, CALL.formatted(10 + i, i, ""), 200), "training " + i);
    }
    for (int i = 0; i < Math.max(1, calls / 10); i++) {
      String progress = ",\"_meta\":{\"progressToken\":\"p" + i + "\"}";
      expect(post(session, CALL.formatted(5000 + i, i, progress), 200), "notifications/progress");
    }
    standaloneStream(session);
    stateless(calls);
    rejected(session);
    expect(get("/observe/metrics", 200), "mcp_requests_total");
    var end = request(mcp, session).DELETE().build();
    check(http.send(end, HttpResponse.BodyHandlers.ofString()).statusCode(), 200, "DELETE");
    post(session, "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"ping\"}", 404);
  }

  private void awaitReady() throws IOException, InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (true) {
      try {
        if (get("/observe/health/ready", -1).statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      if (System.nanoTime() > deadline) {
        throw new IOException("training gateway not ready after 60 s");
      }
      Thread.sleep(20);
    }
  }

  private String initialize() throws IOException, InterruptedException {
    var res =
        post(
            null,
            "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\""
                + PROTOCOL
                + "\",\"capabilities\":{},\"clientInfo\":{\"name\":\"aot-training\",\"version\":\"1\"}}}",
            200);
    return res.headers()
        .firstValue("Mcp-Session-Id")
        .orElseThrow(() -> new IOException("initialize answered without Mcp-Session-Id"));
  }

  private void standaloneStream(String session) throws IOException, InterruptedException {
    var get =
        HttpRequest.newBuilder(mcp)
            .header("Accept", "text/event-stream")
            .header("Mcp-Session-Id", session)
            .header("MCP-Protocol-Version", PROTOCOL)
            .GET()
            .build();
    HttpResponse<InputStream> res = http.send(get, HttpResponse.BodyHandlers.ofInputStream());
    check(res.statusCode(), 200, "GET stream");
    try (InputStream body = res.body()) {
      byte[] first = new byte[4];
      check(body.readNBytes(first, 0, first.length), first.length, "GET stream priming event");
    }
  }

  private void stateless(int calls) throws IOException, InterruptedException {
    String meta =
        ",\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\","
            + "\"io.modelcontextprotocol/clientCapabilities\":{}}";
    for (int i = 0; i < Math.max(1, calls / 10); i++) {
      var req =
          HttpRequest.newBuilder(mcp)
              .header("Content-Type", "application/json")
              .header("Accept", "application/json, text/event-stream")
              .header("MCP-Protocol-Version", "2026-07-28")
              .header("Mcp-Method", "tools/call")
              .header("Mcp-Name", "echo")
              .POST(HttpRequest.BodyPublishers.ofString(CALL.formatted(9000 + i, i, meta)))
              .build();
      var res = http.send(req, HttpResponse.BodyHandlers.ofString());
      check(res.statusCode(), 200, "stateless tools/call");
      expect(res, "training " + i);
    }
  }

  private void rejected(String session) throws IOException, InterruptedException {
    expect(post(session, "{\"jsonrpc\":", 400), "-32700");
    expect(post("no-such-session", "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"ping\"}", 404), "");
    expect(post(session, "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"no/such\"}", 200), "-32601");
  }

  private HttpRequest.Builder request(URI uri, String session) {
    var builder =
        HttpRequest.newBuilder(uri)
            .timeout(Duration.ofSeconds(30))
            .header("Accept", "application/json, text/event-stream")
            .header("MCP-Protocol-Version", PROTOCOL);
    if (session != null) {
      builder.header("Mcp-Session-Id", session);
    }
    return builder;
  }

  private HttpResponse<String> post(String session, String body, int status)
      throws IOException, InterruptedException {
    var req =
        request(mcp, session)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    var res = http.send(req, HttpResponse.BodyHandlers.ofString());
    check(res.statusCode(), status, body.length() > 60 ? body.substring(0, 60) + "..." : body);
    return res;
  }

  private HttpResponse<String> get(String path, int status)
      throws IOException, InterruptedException {
    var res =
        http.send(
            HttpRequest.newBuilder(base.resolve(path)).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    if (status > 0) {
      check(res.statusCode(), status, "GET " + path);
    }
    return res;
  }

  private void expect(HttpResponse<String> res, String fragment) throws IOException {
    if (!res.body().contains(fragment)) {
      throw new IOException(
          "training: expected '" + fragment + "' in " + res.uri() + " answer: " + res.body());
    }
    checks++;
  }

  private void check(int actual, int expected, String what) throws IOException {
    if (actual != expected) {
      throw new IOException("training: " + what + " answered " + actual + ", not " + expected);
    }
    checks++;
  }

  private static int freePort() throws IOException {
    try (var socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
