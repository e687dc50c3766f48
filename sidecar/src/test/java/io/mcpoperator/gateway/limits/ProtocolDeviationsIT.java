package io.mcpoperator.gateway.limits;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcpoperator.gateway.Main;
import io.mcpoperator.gateway.testing.FileConfiguredGateway;
import io.mcpoperator.mcp.jsonrpc.Json;
import io.mcpoperator.mcp.testing.RawClient;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Requests the transport spec refuses are refused, with the request's id; CORS for browsers. */
@Timeout(120)
class ProtocolDeviationsIT {
  @TempDir static Path dir;
  private static Main.Running running;
  private static RawClient client;

  @BeforeAll
  static void start() throws Exception {
    running =
        FileConfiguredGateway.start(
            dir,
            Json.object().add("allowedOrigins", Json.array().add("https://app.example")).build());
    client = new RawClient("http://127.0.0.1:" + running.gateway().port());
  }

  @AfterAll
  static void stop() {
    running.close();
  }

  private static JsonObject body(HttpResponse<String> res) {
    return Json.parse(res.body()).asJsonObject();
  }

  private static String initialize(int id, String version) {
    return RawClient.initializeBody(version).replace("\"id\":1", "\"id\":" + id);
  }

  @Test
  void aSecondInitializeOnASessionIsRefused() {
    String session = client.initialize("2025-06-18");
    HttpResponse<String> res =
        client.post(Map.of("Mcp-Session-Id", session), initialize(7, "2025-06-18"));
    assertThat(res.statusCode()).isEqualTo(400);
    assertThat(body(res).getInt("id")).isEqualTo(7);
    assertThat(body(res).getJsonObject("error").getString("message"))
        .contains("already initialized");
  }

  @Test
  void initializeInsideABatchIsRefused() {
    HttpResponse<String> res = client.post(Map.of(), "[" + initialize(8, "2025-03-26") + "]");
    assertThat(res.statusCode()).isEqualTo(400);
    assertThat(body(res).getInt("id")).isEqualTo(8);
    assertThat(res.headers().firstValue("Mcp-Session-Id")).isEmpty();
  }

  /**
   * Accepted, as the reference SDK server does: the official conformance suite sends 2025-03-26 on
   * sessions negotiated as 2025-11-25 (server-sse-multiple-streams); an unsupported one is refused.
   */
  @Test
  void aSupportedProtocolVersionHeaderIsAcceptedAndAnUnknownOneRefused() {
    String session = client.initialize("2025-06-18");
    HttpResponse<String> other =
        client.post(
            Map.of("Mcp-Session-Id", session, "MCP-Protocol-Version", "2025-03-26"),
            RawClient.call(9, "echo"));
    assertThat(other.statusCode()).isEqualTo(200);
    HttpResponse<String> unknown =
        client.post(
            Map.of("Mcp-Session-Id", session, "MCP-Protocol-Version", "1999-01-01"),
            RawClient.call(10, "echo"));
    assertThat(unknown.statusCode()).isEqualTo(400);
  }

  @Test
  void errorsAboutTheSessionCarryTheRequestsId() {
    HttpResponse<String> res =
        client.post(Map.of("Mcp-Session-Id", "nope"), RawClient.call(11, "echo"));
    assertThat(res.statusCode()).isEqualTo(404);
    assertThat(body(res).getInt("id")).isEqualTo(11);
    HttpResponse<String> missing = client.post(Map.of(), RawClient.call(12, "echo"));
    assertThat(missing.statusCode()).isEqualTo(400);
    assertThat(body(missing).getInt("id")).isEqualTo(12);
  }

  @Test
  void aPreflightFromAnAllowedOriginIsAnsweredAndOthersAreRefused() {
    HttpResponse<String> ok =
        client.send(
            "OPTIONS",
            "/mcp",
            Map.of(
                "Origin", "https://app.example",
                "Access-Control-Request-Method", "POST",
                "Access-Control-Request-Headers", "content-type, mcp-session-id, x-evil"),
            null);
    assertThat(ok.statusCode()).isEqualTo(204);
    assertThat(ok.headers().firstValue("Access-Control-Allow-Origin"))
        .contains("https://app.example");
    assertThat(ok.headers().firstValue("Access-Control-Allow-Methods"))
        .contains("GET, POST, DELETE");
    assertThat(ok.headers().firstValue("Access-Control-Allow-Headers").orElseThrow())
        .contains("content-type", "mcp-session-id")
        .doesNotContain("x-evil");

    HttpResponse<String> evil =
        client.send(
            "OPTIONS",
            "/mcp",
            Map.of("Origin", "https://evil.example", "Access-Control-Request-Method", "POST"),
            null);
    assertThat(evil.statusCode()).isEqualTo(403);
    assertThat(evil.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
  }

  @Test
  void answersToAnAllowedOriginExposeTheSessionHeader() {
    HttpResponse<String> res =
        client.post(Map.of("Origin", "https://app.example"), initialize(13, "2025-06-18"));
    assertThat(res.statusCode()).isEqualTo(200);
    assertThat(res.headers().firstValue("Access-Control-Allow-Origin"))
        .contains("https://app.example");
    assertThat(res.headers().firstValue("Access-Control-Expose-Headers").orElseThrow())
        .contains("Mcp-Session-Id");
  }
}
