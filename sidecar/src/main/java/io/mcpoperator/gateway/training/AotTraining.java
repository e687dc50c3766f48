package io.mcpoperator.gateway.training;

import io.mcpoperator.gateway.config.CommandLine;
import io.mcpoperator.gateway.config.GatewayConfig;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

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
  private final TrainingClient http;
  private int checks;

  private AotTraining(int port) {
    this.http = new TrainingClient(port);
  }

  /**
   * A gateway the training runs against, started by the caller (so training does not depend on it).
   */
  public interface Target extends AutoCloseable {
    /** The port it listens on, on 127.0.0.1. */
    int port();

    @Override
    void close();
  }

  /**
   * Runs the training with {@code calls} tool calls against the gateway {@code start} makes from a
   * configuration; returns the number of checks that passed.
   */
  public static int run(int calls, Function<GatewayConfig, Target> start)
      throws IOException, InterruptedException {
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
    try (Target gateway = start.apply(config)) {
      var training = new AotTraining(gateway.port());
      try {
        training.workout(calls);
      } finally {
        training.http.close();
      }
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
    check(
        http.openStream(
            "/mcp",
            Map.of(
                "Accept", "text/event-stream",
                "Mcp-Session-Id", session,
                "MCP-Protocol-Version", PROTOCOL),
            4),
        200,
        "GET stream");
    stateless(calls);
    rejected(session);
    expect(get("/observe/metrics"), "mcp_requests_total");
    check(http.exchange("DELETE", "/mcp", headers(session), "").status(), 200, "DELETE");
    post(session, "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"ping\"}", 404);
  }

  private void awaitReady() throws IOException, InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (true) {
      try {
        if (http.exchange("GET", "/observe/health/ready", Map.of(), "").status() == 200) {
          return;
        }
      } catch (IOException e) {
        http.close();
      }
      if (System.nanoTime() > deadline) {
        throw new IOException("training gateway not ready after 60 s");
      }
      Thread.sleep(20);
    }
  }

  private String initialize() throws IOException {
    var res =
        post(
            null,
            "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\""
                + PROTOCOL
                + "\",\"capabilities\":{},\"clientInfo\":{\"name\":\"aot-training\",\"version\":\"1\"}}}",
            200);
    return res.header("Mcp-Session-Id")
        .orElseThrow(() -> new IOException("initialize answered without Mcp-Session-Id"));
  }

  private void stateless(int calls) throws IOException {
    String meta =
        ",\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\","
            + "\"io.modelcontextprotocol/clientCapabilities\":{}}";
    for (int i = 0; i < Math.max(1, calls / 10); i++) {
      var res =
          http.exchange(
              "POST",
              "/mcp",
              Map.of(
                  "Content-Type", "application/json",
                  "Accept", "application/json, text/event-stream",
                  "MCP-Protocol-Version", "2026-07-28",
                  "Mcp-Method", "tools/call",
                  "Mcp-Name", "echo"),
              CALL.formatted(9000 + i, i, meta));
      check(res.status(), 200, "stateless tools/call");
      expect(res, "training " + i);
    }
  }

  private void rejected(String session) throws IOException {
    expect(post(session, "{\"jsonrpc\":", 400), "-32700");
    post("no-such-session", "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"ping\"}", 404);
    expect(post(session, "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"no/such\"}", 200), "-32601");
  }

  private static Map<String, String> headers(String session) {
    var headers = new java.util.LinkedHashMap<String, String>();
    headers.put("Accept", "application/json, text/event-stream");
    headers.put("MCP-Protocol-Version", PROTOCOL);
    if (session != null) {
      headers.put("Mcp-Session-Id", session);
    }
    return headers;
  }

  private TrainingClient.Answer post(String session, String body, int status) throws IOException {
    var headers = headers(session);
    headers.put("Content-Type", "application/json");
    var res = http.exchange("POST", "/mcp", headers, body);
    check(res.status(), status, body.length() > 60 ? body.substring(0, 60) + "..." : body);
    return res;
  }

  private TrainingClient.Answer get(String path) throws IOException {
    var res = http.exchange("GET", path, Map.of(), "");
    check(res.status(), 200, "GET " + path);
    return res;
  }

  private void expect(TrainingClient.Answer res, String fragment) throws IOException {
    if (!res.body().contains(fragment)) {
      throw new IOException("training: expected '" + fragment + "' in the answer: " + res.body());
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
