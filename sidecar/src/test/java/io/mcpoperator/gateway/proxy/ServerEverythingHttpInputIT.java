package io.mcpoperator.gateway.proxy;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.mcpoperator.gateway.config.GatewayConfig;
import io.mcpoperator.gateway.testing.Configs;
import io.mcpoperator.gateway.testing.TestPeers;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * {@link ServerEverythingInput} with server-everything in its Streamable HTTP mode (session-based:
 * it answers a request without its session "Server not initialized"), bound to 127.0.0.1 by
 * hack/conformance/loopback.mjs.
 */
class ServerEverythingHttpInputIT extends ServerEverythingInput {
  private Process upstream;

  @Override
  GatewayConfig config(String node) throws IOException {
    Optional<Path> loopback = loopback();
    assumeTrue(loopback.isPresent(), "hack/conformance/loopback.mjs not found above the build");
    int port;
    try (var socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    var builder =
        new ProcessBuilder(
                node,
                "--import",
                loopback.get().toUri().toString(),
                TestPeers.serverEverything().toString(),
                "streamableHttp")
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD);
    builder.environment().put("PORT", Integer.toString(port));
    upstream = builder.start();
    await().atMost(Duration.ofSeconds(60)).until(() -> listening(port));
    return Configs.http("streamable-http", "http://127.0.0.1:" + port + "/mcp");
  }

  @Override
  void stopUpstream() {
    if (upstream != null) {
      upstream.destroy();
    }
  }

  private static boolean listening(int port) {
    try (var socket = new Socket("127.0.0.1", port)) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static Optional<Path> loopback() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("hack/conformance/loopback.mjs");
      if (Files.isRegularFile(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }
}
