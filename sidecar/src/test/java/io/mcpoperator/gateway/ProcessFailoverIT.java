package io.mcpoperator.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.mcpoperator.gateway.testing.FakeUpstream;
import io.mcpoperator.mcp.jsonrpc.Json;
import io.mcpoperator.mcp.sse.SseEvent;
import io.mcpoperator.mcp.sse.SseParser;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Failover between two gateway <em>processes</em> (the packaged jar, as in a pod) sharing a real
 * Redis ({@code MCP_TEST_REDIS_URL}): a session made on one is served by the other without a new
 * initialize, and after the first is killed mid-stream (SIGKILL, no goodbye) the client resumes its
 * standalone stream on the other with {@code Last-Event-ID} and gets exactly what it missed.
 */
class ProcessFailoverIT {
  private static final String VERSION = "2025-11-25";
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final List<Process> started = new ArrayList<>();
  private String redis;
  private Path jar;

  @BeforeEach
  void needs() throws Exception {
    redis = System.getenv("MCP_TEST_REDIS_URL");
    assumeTrue(
        redis != null && !redis.isBlank(),
        "MCP_TEST_REDIS_URL is not set (e.g. redis://127.0.0.1:6379): skipping Redis tests");
    jar =
        Path.of(ProcessFailoverIT.class.getProtectionDomain().getCodeSource().getLocation().toURI())
            .getParent()
            .resolve("mcp-gateway.jar");
    assumeTrue(Files.exists(jar), jar + " missing: this test needs the packaged gateway");
  }

  @AfterEach
  void stop() {
    started.forEach(Process::destroyForcibly);
  }

  /** A gateway process on a free loopback port, ready. */
  private URI gateway() throws Exception {
    int port;
    try (var socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    String java = ProcessHandle.current().info().command().orElse("java");
    var builder =
        new ProcessBuilder(
                java,
                "-jar",
                jar.toString(),
                "--port",
                String.valueOf(port),
                "--redis",
                redis,
                "--upstream-command",
                String.join(" ", FakeUpstream.command()))
            .redirectErrorStream(true)
            .redirectOutput(Files.createTempFile("gateway-" + port, ".log").toFile());
    // started with the same flags, both are replicas of one server (one key prefix in Redis)
    builder.environment().put("MCP_GATEWAY_HOST", "127.0.0.1");
    started.add(builder.start());
    URI base = URI.create("http://127.0.0.1:" + port);
    await()
        .alias("gateway on port " + port + " ready")
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(50))
        .ignoreExceptionsInstanceOf(IOException.class)
        .until(
            () ->
                http.send(
                            HttpRequest.newBuilder(base.resolve("/observe/health/ready")).build(),
                            HttpResponse.BodyHandlers.discarding())
                        .statusCode()
                    == 200);
    return base.resolve("/mcp");
  }

  private HttpRequest.Builder post(URI mcp, Optional<String> session, String body) {
    var builder =
        HttpRequest.newBuilder(mcp)
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .header("Accept", "application/json, text/event-stream")
            .header("MCP-Protocol-Version", VERSION)
            .POST(HttpRequest.BodyPublishers.ofString(body));
    session.ifPresent(s -> builder.header("Mcp-Session-Id", s));
    return builder;
  }

  private JsonObject call(URI mcp, String session, String tool) throws Exception {
    var res =
        http.send(
            post(
                    mcp,
                    Optional.of(session),
                    "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/call\",\"params\":{\"name\":\""
                        + tool
                        + "\",\"arguments\":{}}}")
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(res.statusCode()).isEqualTo(200);
    return Json.parse(res.body()).asJsonObject();
  }

  private HttpResponse<InputStream> stream(URI mcp, String session, Optional<String> lastEventId)
      throws Exception {
    var builder =
        HttpRequest.newBuilder(mcp)
            .header("Accept", "text/event-stream")
            .header("Mcp-Session-Id", session)
            .header("MCP-Protocol-Version", VERSION)
            .GET();
    lastEventId.ifPresent(id -> builder.header("Last-Event-ID", id));
    var res = http.send(builder.build(), HttpResponse.BodyHandlers.ofInputStream());
    assertThat(res.statusCode()).isEqualTo(200);
    return res;
  }

  private static String method(SseEvent event) {
    return Json.parse(event.data()).asJsonObject().getString("method");
  }

  @Test
  void aKilledReplicasSessionAndStreamContinueOnTheOtherProcess() throws Exception {
    URI a = gateway();
    URI b = gateway();

    var init =
        http.send(
            post(
                    a,
                    Optional.empty(),
                    "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{"
                        + "\"protocolVersion\":\""
                        + VERSION
                        + "\",\"capabilities\":{},\"clientInfo\":{\"name\":\"it\",\"version\":\"1\"}}}")
                .build(),
            HttpResponse.BodyHandlers.ofString());
    String session = init.headers().firstValue("Mcp-Session-Id").orElseThrow();
    http.send(
        post(
                a,
                Optional.of(session),
                "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}")
            .build(),
        HttpResponse.BodyHandlers.discarding());

    // the standalone stream on A; B serves a request of the same session without initialize
    var onA = new SseParser(stream(a, session, Optional.empty()).body());
    assertThat(onA.next().orElseThrow().data()).isEmpty(); // priming event
    assertThat(call(b, session, "notify").toString()).contains("notified");

    // what B's upstream said reaches the stream held by A
    SseEvent first = onA.next().orElseThrow();
    assertThat(method(first)).isEqualTo("notifications/tools/list_changed");

    // A dies without a word; B's upstream speaks again meanwhile
    Process processA = started.getFirst();
    processA.destroyForcibly();
    assertThat(processA.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(call(b, session, "notify").toString()).contains("notified");

    // the client resumes on B from the last event it processed
    var onB = new SseParser(stream(b, session, first.id()).body());
    List<SseEvent> resumed = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      resumed.add(onB.next().orElseThrow());
    }
    assertThat(resumed)
        .extracting(ProcessFailoverIT::method)
        .containsExactly(
            "notifications/message", // missed on A after the last processed event
            "notifications/tools/list_changed",
            "notifications/message");
    assertThat(resumed).extracting(e -> e.id().orElseThrow()).doesNotHaveDuplicates();
    assertThat(resumed).extracting(e -> e.id().orElseThrow()).doesNotContain(first.id().get());
  }
}
