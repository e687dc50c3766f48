package io.mcpoperator.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mcpoperator.gateway.Gateway;
import io.mcpoperator.gateway.config.ConfigLoader;
import io.mcpoperator.mcp.jsonrpc.Json;
import io.mcpoperator.mcp.testing.TestServer;
import io.mcpoperator.mcp.transport.McpHttpEndpoint;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A gateway in bearer-only mode: static tokens from a mounted Secret directory (one file per
 * principal), no OAuth discovery advertised, and the caller's name sent upstream.
 */
@Timeout(60)
class BearerModeIT {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  @TempDir Path secret;
  private TestServer upstream;
  private Gateway gateway;

  @BeforeEach
  void start() throws Exception {
    // as a Secret volume mounts it: a file per key, its content the value (with a newline here)
    Files.writeString(secret.resolve("ci-bot"), "s3cr3t-token-of-ci\n");
    upstream = new TestServer(McpHttpEndpoint.builder().backend(new GatewayAuthIT.Tools()).build());
    String config =
        Json.write(
            Json.object()
                .add("listen", Json.object().add("port", 0))
                .add(
                    "upstream",
                    Json.object()
                        .add("transport", "streamable-http")
                        .add("url", upstream.baseUri() + "/mcp"))
                .add(
                    "auth",
                    Json.object()
                        .add("mode", "bearer")
                        .add("staticTokensDir", secret.toString())
                        .add(
                            "forwardIdentity", Json.object().add("subjectHeader", "X-MCP-Subject")))
                .build());
    gateway = Gateway.start(ConfigLoader.parse(config), "127.0.0.1");
    await().atMost(Duration.ofSeconds(30)).until(gateway::ready);
  }

  @AfterEach
  void stop() {
    if (gateway != null) {
      gateway.close();
    }
    if (upstream != null) {
      upstream.close();
    }
  }

  @Test
  void noTokenGetsABareChallengeWithoutOAuthDiscovery() throws Exception {
    var res = post(Optional.empty(), initialize());

    assertThat(res.statusCode()).isEqualTo(401);
    assertThat(res.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
    assertThat(get("/.well-known/oauth-protected-resource/mcp").statusCode()).isNotEqualTo(200);
  }

  @Test
  void aWrongTokenIsAnInvalidToken() throws Exception {
    var res = post(Optional.of("s3cr3t-token-of-cj"), initialize());

    assertThat(res.statusCode()).isEqualTo(401);
    assertThat(res.headers().firstValue("WWW-Authenticate").orElseThrow())
        .contains("error=\"invalid_token\"")
        .doesNotContain("resource_metadata");
  }

  @Test
  void theSecretsTokenOpensASessionAndTheUpstreamLearnsWhoCalled() throws Exception {
    var init = post(Optional.of("s3cr3t-token-of-ci"), initialize());
    assertThat(init.statusCode()).as(init.body()).isEqualTo(200);
    String session = init.headers().firstValue("Mcp-Session-Id").orElseThrow();
    var call =
        HTTP.send(
            request(Optional.of("s3cr3t-token-of-ci"))
                .header("Mcp-Session-Id", session)
                .header("MCP-Protocol-Version", "2025-06-18")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\","
                            + "\"params\":{\"name\":\"search\",\"arguments\":{}}}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(call.statusCode()).as(call.body()).isEqualTo(200);
    assertThat(call.body()).contains("ran search");
    assertThat(GatewayAuthIT.seenHeader("X-MCP-Subject")).hasValue("ci-bot");
    assertThat(GatewayAuthIT.seenHeader("Authorization")).isEmpty();
  }

  private HttpResponse<String> post(Optional<String> token, String body) throws Exception {
    return HTTP.send(
        request(token).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpRequest.Builder request(Optional<String> token) {
    var req =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.port() + "/mcp"))
            .header("Content-Type", "application/json")
            .header("Accept", "application/json, text/event-stream");
    token.ifPresent(t -> req.header("Authorization", "Bearer " + t));
    return req;
  }

  private HttpResponse<String> get(String path) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.port() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String initialize() {
    return Json.write(GatewayAuthIT.initialize());
  }
}
