package io.mcpoperator.operator.e2e;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;

/**
 * The real gateway, {@code mcp-gateway.jar}, in its own JVM (the operator module must not have the
 * gateway or its MCP SDK on its class path) with {@code --config <file>}, listening on 127.0.0.1.
 *
 * <p>Cluster DNS: the gateway calls backends at the URLs the operator wrote, {@code
 * http://<service>.<namespace>.svc.cluster.local:<port>/...}. The JVM runs with {@code
 * -Djdk.net.hosts.file} naming a hosts file that maps those names to 127.0.0.1, so the URLs reach
 * local servers unchanged.
 */
final class GatewayProcess implements AutoCloseable {
  private static final Duration START = Duration.ofSeconds(60);
  private static final Duration STOP = Duration.ofSeconds(20);
  private final Process process;
  private final int port;
  private final Path log;

  private GatewayProcess(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  /**
   * Where the gateway jar is expected: system property or environment variable {@code
   * MCP_GATEWAY_JAR}, else {@code ../sidecar/target/mcp-gateway.jar} (built before the operator in
   * a full reactor build).
   */
  static Path jar() {
    return Optional.ofNullable(System.getProperty("MCP_GATEWAY_JAR"))
        .or(() -> Optional.ofNullable(System.getenv("MCP_GATEWAY_JAR")))
        .map(Path::of)
        .orElse(Path.of("..", "sidecar", "target", "mcp-gateway.jar"))
        .toAbsolutePath()
        .normalize();
  }

  /**
   * Starts the gateway on {@code port} with {@code config}, resolving {@code hosts} to 127.0.0.1,
   * and waits until it is ready; its output goes to {@code gateway.log} in {@code workDir}.
   */
  static GatewayProcess start(Path jar, Path config, int port, List<String> hosts, Path workDir)
      throws IOException {
    Path hostsFile = workDir.resolve("hosts");
    Files.write(
        hostsFile,
        Stream.concat(Stream.of("localhost"), hosts.stream()).map(h -> "127.0.0.1 " + h).toList());
    Path log = workDir.resolve("gateway.log");
    String java =
        ProcessHandle.current()
            .info()
            .command()
            .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    ProcessBuilder builder =
        new ProcessBuilder(
                java,
                "-Djdk.net.hosts.file=" + hostsFile,
                "-jar",
                jar.toString(),
                "--config",
                config.toString())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder.environment().put("MCP_GATEWAY_HOST", "127.0.0.1");
    builder.environment().put("LOG_FORMAT", "text");
    builder.environment().remove("MCP_GATEWAY_CONFIG");
    GatewayProcess gateway = new GatewayProcess(builder.start(), port, log);
    try {
      gateway.awaitReady();
    } catch (RuntimeException e) {
      gateway.close();
      throw e;
    }
    return gateway;
  }

  /** The MCP endpoint, {@code http://127.0.0.1:<port>/mcp}. */
  URI endpoint() {
    return URI.create("http://127.0.0.1:" + port + "/mcp");
  }

  /** What the gateway logged so far. */
  private String log() {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  private void awaitReady() {
    HttpRequest ready =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/observe/health/ready"))
            .timeout(Duration.ofSeconds(2))
            .build();
    try (HttpClient http = HttpClient.newHttpClient()) {
      await()
          .atMost(START)
          .pollInterval(Duration.ofMillis(100))
          .ignoreExceptions()
          .failFast("the gateway exited", () -> !process.isAlive())
          .until(
              () -> http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
    } catch (ConditionTimeoutException | TerminalFailureException e) {
      List<String> lines = log().lines().toList();
      throw new IllegalStateException(
          "the gateway did not become ready ("
              + e.getMessage()
              + "); the end of "
              + log
              + ":\n"
              + String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size())),
          e);
    }
  }

  /**
   * Stops the gateway the way Kubernetes does (SIGTERM, then SIGKILL) and waits until it is gone.
   */
  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(STOP.toSeconds(), TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
