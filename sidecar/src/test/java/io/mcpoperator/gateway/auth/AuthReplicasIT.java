package io.mcpoperator.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.mcpoperator.gateway.Gateway;
import io.mcpoperator.gateway.config.ConfigLoader;
import io.mcpoperator.mcp.jsonrpc.Json;
import io.mcpoperator.mcp.testing.TestServer;
import io.mcpoperator.mcp.transport.McpHttpEndpoint;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Two protected gateway replicas sharing a real Redis ({@code MCP_TEST_REDIS_URL}): a session made
 * with one caller's token on replica 1 is refused with another caller's token on replica 2, and
 * served there with its own caller's token. The owner lives in the session record in Redis.
 */
@Timeout(120)
class AuthReplicasIT {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private URI redis;
  private OidcProvider idp;
  private TestServer upstream;
  private Gateway one;
  private Gateway two;

  @BeforeEach
  void start() {
    String url = System.getenv("MCP_TEST_REDIS_URL");
    assumeTrue(
        url != null && !url.isBlank(),
        "MCP_TEST_REDIS_URL is not set (e.g. redis://127.0.0.1:6379): skipping Redis tests");
    redis = URI.create(url);
    idp = new OidcProvider();
    upstream = new TestServer(McpHttpEndpoint.builder().backend(new GatewayAuthIT.Tools()).build());
    String server = "auth-" + UUID.randomUUID();
    one = replica(server);
    two = replica(server);
  }

  @AfterEach
  void stop() {
    for (AutoCloseable c : new AutoCloseable[] {one, two, upstream, idp}) {
      if (c != null) {
        try {
          c.close();
        } catch (Exception e) {
          // closing the rest anyway
        }
      }
    }
  }

  private Gateway replica(String server) {
    String config =
        Json.write(
            Json.object()
                .add("server", Json.object().add("namespace", "test").add("name", server))
                .add("listen", Json.object().add("port", 0))
                .add(
                    "upstream",
                    Json.object()
                        .add("transport", "streamable-http")
                        .add("url", upstream.baseUri() + "/mcp"))
                .add(
                    "redis",
                    Json.object()
                        .add("host", redis.getHost())
                        .add("port", redis.getPort() < 0 ? 6379 : redis.getPort()))
                .add(
                    "auth",
                    Json.object()
                        .add("mode", "oidc")
                        .add("resourceUrl", GatewayAuthIT.RESOURCE)
                        .add("issuer", idp.issuer())
                        .add("requiredScopes", Json.array().add("mcp:tools")))
                .build());
    Gateway gateway = Gateway.start(ConfigLoader.parse(config), "127.0.0.1");
    await().atMost(Duration.ofSeconds(30)).until(gateway::ready);
    return gateway;
  }

  @Test
  void aSessionMadeWithTokenAOnReplicaOneIsRefusedWithTokenBOnReplicaTwo() throws Exception {
    String alice = idp.token("alice", GatewayAuthIT.RESOURCE, "mcp:tools", Map.of());
    String bob = idp.token("bob", GatewayAuthIT.RESOURCE, "mcp:tools", Map.of());

    var init = post(one, alice, Optional.empty(), GatewayAuthIT.initialize());
    assertThat(init.statusCode()).as(init.body()).isEqualTo(200);
    String session = init.headers().firstValue("Mcp-Session-Id").orElseThrow();
    post(
        one,
        alice,
        Optional.of(session),
        Json.object().add("jsonrpc", "2.0").add("method", "notifications/initialized").build());

    var asBob = post(two, bob, Optional.of(session), toolsList());
    assertThat(asBob.statusCode()).as(asBob.body()).isEqualTo(404);
    assertThat(asBob.body()).doesNotContain("search");

    var asAlice = post(two, alice, Optional.of(session), toolsList());
    assertThat(asAlice.statusCode()).as(asAlice.body()).isEqualTo(200);
    assertThat(asAlice.body()).contains("\"search\"").contains("\"deploy\"");

    var bobOnOne = post(one, bob, Optional.of(session), toolsList());
    assertThat(bobOnOne.statusCode()).isEqualTo(404);
  }

  private static HttpResponse<String> post(
      Gateway gateway, String token, Optional<String> session, JsonObject body) throws Exception {
    var req =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.port() + "/mcp"))
            .header("Content-Type", "application/json")
            .header("Accept", "application/json, text/event-stream")
            .header("Authorization", "Bearer " + token)
            .POST(HttpRequest.BodyPublishers.ofString(Json.write(body)));
    session.ifPresent(
        s -> req.header("Mcp-Session-Id", s).header("MCP-Protocol-Version", "2025-06-18"));
    return HTTP.send(req.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static JsonObject toolsList() {
    return Json.object().add("jsonrpc", "2.0").add("id", 2).add("method", "tools/list").build();
  }
}
