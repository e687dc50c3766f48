package io.mcpoperator.gateway.limits;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcpoperator.gateway.Main;
import io.mcpoperator.gateway.testing.FileConfiguredGateway;
import io.mcpoperator.gateway.testing.LogCapture;
import io.mcpoperator.mcp.jsonrpc.Json;
import io.mcpoperator.mcp.testing.RawClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Connection-level limits of the packaged gateway's server: request-head and request-body
 * deadlines, HTTP/1.0.
 */
@Timeout(120)
class ConnectionLimitsIT {

  private static Main.Running start(Path dir, int headerTimeoutMs) throws IOException {
    return FileConfiguredGateway.start(
        dir, Json.object().add("headerTimeoutMs", headerTimeoutMs).build());
  }

  private static Main.Running startWithBodyTimeout(Path dir, int bodyTimeoutMs) throws IOException {
    return FileConfiguredGateway.start(
        dir, Json.object().add("bodyTimeoutMs", bodyTimeoutMs).build());
  }

  /** Opens a connection and sends a complete POST /mcp head announcing a 1000-byte body. */
  private static Socket postHead(int port, String session) throws IOException {
    Socket s = new Socket("127.0.0.1", port);
    s.getOutputStream()
        .write(
            ("POST /mcp HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                    + "Accept: application/json, text/event-stream\r\n"
                    + "Mcp-Session-Id: "
                    + session
                    + "\r\nContent-Length: 1000\r\n\r\n{\"jsonrpc\":")
                .getBytes(StandardCharsets.US_ASCII));
    s.getOutputStream().flush();
    return s;
  }

  /** True when the server closed the connection (end of stream or reset) within the wait. */
  private static boolean closedByServer(Socket socket) {
    try {
      InputStream in = socket.getInputStream();
      socket.setSoTimeout(200);
      while (true) {
        int b;
        try {
          b = in.read();
        } catch (java.net.SocketTimeoutException stillOpen) {
          return false;
        }
        if (b == -1) {
          return true;
        }
      }
    } catch (SocketException reset) {
      return true;
    } catch (IOException e) {
      return true;
    }
  }

  @Test
  void slowRequestHeadsAreCutOffWhileOthersAreServed(@TempDir Path dir) throws Exception {
    try (Main.Running running = start(dir, 1_000)) {
      int port = running.gateway().port();
      List<Socket> drips = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        Socket s = new Socket("127.0.0.1", port);
        s.getOutputStream().write("POST /mcp HTTP/1.1\r\nHost: x\r\n".getBytes());
        drips.add(s);
      }
      long start = System.nanoTime();
      List<Socket> open = new ArrayList<>(drips);
      // drip a header byte to each every 200 ms, as a slowloris client does, for up to 6 s
      while (!open.isEmpty() && System.nanoTime() - start < Duration.ofSeconds(6).toNanos()) {
        for (Socket s : List.copyOf(open)) {
          try {
            OutputStream out = s.getOutputStream();
            out.write('X');
            out.flush();
          } catch (IOException closed) {
            open.remove(s);
          }
        }
        open.removeIf(ConnectionLimitsIT::closedByServer);
        Thread.sleep(200);
      }
      assertThat(open).as("dripping connections still open after 6 s").isEmpty();
      var client = new RawClient("http://127.0.0.1:" + port);
      assertThat(client.initialize("2025-06-18")).isNotBlank();
      for (Socket s : drips) {
        s.close();
      }
    }
  }

  @Test
  void aRequestSentAtOnceIsNotCutOff(@TempDir Path dir) throws Exception {
    try (Main.Running running = start(dir, 1_000)) {
      var client = new RawClient("http://127.0.0.1:" + running.gateway().port());
      String session = client.initialize("2025-06-18");
      Thread.sleep(1_500); // an idle keep-alive connection is not a slow request head
      assertThat(
              client
                  .post(Map.of("Mcp-Session-Id", session), RawClient.call(2, "echo"))
                  .statusCode())
          .isEqualTo(200);
    }
  }

  @Test
  void slowRequestBodiesAreCutOffWhileOthersAreServed(@TempDir Path dir) throws Exception {
    try (LogCapture log = new LogCapture();
        Main.Running running = startWithBodyTimeout(dir, 1_000)) {
      int port = running.gateway().port();
      var client = new RawClient("http://127.0.0.1:" + port);
      String session = client.initialize("2025-06-18");
      List<Socket> drips = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        drips.add(postHead(port, session));
      }
      long start = System.nanoTime();
      List<Socket> open = new ArrayList<>(drips);
      // drip a body byte to each every 200 ms, for up to 6 s: each byte arrives well within any
      // per-read timeout, only a deadline for the whole body ends this
      while (!open.isEmpty() && System.nanoTime() - start < Duration.ofSeconds(6).toNanos()) {
        for (Socket s : List.copyOf(open)) {
          try {
            s.getOutputStream().write(' ');
            s.getOutputStream().flush();
          } catch (IOException closed) {
            open.remove(s);
          }
        }
        open.removeIf(ConnectionLimitsIT::closedByServer);
        assertThat(
                client
                    .post(Map.of("Mcp-Session-Id", session), RawClient.call(2, "echo"))
                    .statusCode())
            .as("another client is served meanwhile")
            .isEqualTo(200);
        Thread.sleep(200);
      }
      assertThat(open).as("connections dripping a body still open after 6 s").isEmpty();
      assertThat(log.errors()).as("ERROR log lines or stack traces").isEmpty();
      assertThat(
              client
                  .send("GET", "/observe/metrics", Map.of("Accept", "text/plain"), null)
                  .body()
                  .lines()
                  .filter(line -> line.startsWith("mcp_connections_body"))
                  .toList())
          .as("metrics")
          .anySatisfy(
              line ->
                  assertThat(line)
                      .matches("mcp_connections_body_timeout_total(\\{[^}]*\\})? 20\\.0"));
      for (Socket s : drips) {
        s.close();
      }
    }
  }

  @Test
  void aClientHangingUpMidBodyIsNotLoggedAsAnError(@TempDir Path dir) throws Exception {
    try (LogCapture log = new LogCapture();
        Main.Running running = startWithBodyTimeout(dir, 10_000)) {
      int port = running.gateway().port();
      var client = new RawClient("http://127.0.0.1:" + port);
      String session = client.initialize("2025-06-18");
      for (int i = 0; i < 5; i++) {
        Socket s = postHead(port, session);
        Thread.sleep(100);
        if (i % 2 == 0) {
          s.setSoLinger(true, 0); // a reset rather than an orderly close
        }
        s.close();
      }
      Thread.sleep(500);
      assertThat(
              client
                  .post(Map.of("Mcp-Session-Id", session), RawClient.call(3, "echo"))
                  .statusCode())
          .isEqualTo(200);
      assertThat(log.errors()).as("ERROR log lines or stack traces").isEmpty();
    }
  }

  @Test
  void http10GetsAnAnswerNotAClosedConnection(@TempDir Path dir) throws Exception {
    try (Main.Running running = start(dir, 10_000)) {
      for (String path : List.of("/mcp", "/observe/health")) {
        try (Socket s = new Socket("127.0.0.1", running.gateway().port())) {
          s.setSoTimeout(10_000);
          s.getOutputStream()
              .write(
                  ("GET " + path + " HTTP/1.0\r\nHost: x\r\n\r\n")
                      .getBytes(StandardCharsets.US_ASCII));
          String answer = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
          assertThat(answer).as(path).startsWith("HTTP/1.1 505");
        }
      }
    }
  }
}
