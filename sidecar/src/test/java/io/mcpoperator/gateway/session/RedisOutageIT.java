package io.mcpoperator.gateway.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.lettuce.core.RedisURI;
import io.mcpoperator.mcp.testing.EchoBackend;
import io.mcpoperator.mcp.testing.RawClient;
import io.mcpoperator.mcp.testing.TestServer;
import io.mcpoperator.mcp.transport.McpHttpEndpoint;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Redis stopped and restarted under a running endpoint: clear 503s meanwhile, recovery without a
 * restart. Runs its own {@code redis-server} (skipped when the binary is missing).
 */
@org.junit.jupiter.api.Timeout(120)
class RedisOutageIT {

  private static Process redis(int port) throws Exception {
    var process =
        new ProcessBuilder(
                "redis-server",
                "--port",
                String.valueOf(port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no")
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    return process;
  }

  @Test
  void requestsGet503WhileRedisIsDownAndWorkAgainAfter() throws Exception {
    boolean installed;
    try {
      installed = new ProcessBuilder("redis-server", "--version").start().waitFor() == 0;
    } catch (java.io.IOException e) {
      installed = false;
    }
    assumeTrue(installed, "redis-server is not installed: skipping the Redis outage test");
    int port;
    try (var socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Process redis = redis(port);
    var store =
        new RedisSessionStore(
            RedisURI.create("redis://127.0.0.1:" + port),
            "outage:",
            Duration.ofMinutes(5),
            100,
            Duration.ofMillis(1));
    try (var server =
        new TestServer(
            McpHttpEndpoint.builder().backend(new EchoBackend()).sessionStore(store).build())) {
      var client = new RawClient(server.baseUri());
      await().ignoreExceptions().until(() -> client.initialize("2025-06-18") != null);
      String session = client.initialize("2025-06-18");
      redis.destroyForcibly().waitFor();
      var down = client.post(Map.of("Mcp-Session-Id", session), RawClient.call(1, "echo"));
      assertThat(down.statusCode()).isEqualTo(503);
      assertThat(down.headers().firstValue("Retry-After")).isPresent();
      assertThat(down.body()).contains("Session store unavailable");
      assertThat(client.post(Map.of(), RawClient.initializeBody("2025-06-18")).statusCode())
          .isEqualTo(503);
      assertThat(store.reachable()).isFalse();
      redis = redis(port);
      await()
          .atMost(Duration.ofSeconds(60))
          .untilAsserted(
              () ->
                  assertThat(
                          client
                              .post(Map.of(), RawClient.initializeBody("2025-06-18"))
                              .statusCode())
                      .isEqualTo(200));
      assertThat(store.reachable()).isTrue();
    } finally {
      redis.destroyForcibly();
    }
  }
}
