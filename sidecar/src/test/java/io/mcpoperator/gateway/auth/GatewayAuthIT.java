package io.mcpoperator.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mcpoperator.gateway.Gateway;
import io.mcpoperator.gateway.config.ConfigLoader;
import io.mcpoperator.gateway.config.Environment;
import io.mcpoperator.mcp.McpBackend;
import io.mcpoperator.mcp.McpException;
import io.mcpoperator.mcp.McpRequest;
import io.mcpoperator.mcp.ServerIdentity;
import io.mcpoperator.mcp.jsonrpc.Json;
import io.mcpoperator.mcp.testing.TestServer;
import io.mcpoperator.mcp.transport.McpHttpEndpoint;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The gateway as an OAuth 2.1 resource server in front of an HTTP upstream, with tokens of a real
 * OpenID Connect provider (mock-oauth2-server): the checks the conformance suite proposes for
 * resource servers (auth-401-response, auth-resource-metadata-param, auth-prm-resource,
 * auth-invalid-token-rejected), rules, step-up, session binding and what the upstream sees.
 */
@org.junit.jupiter.api.Timeout(120)
class GatewayAuthIT {
  static final String RESOURCE = "http://mcp.example.test/mcp";
  static final String METADATA = "http://mcp.example.test/.well-known/oauth-protected-resource/mcp";
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static OidcProvider idp;
  private static TestServer upstream;
  private static Gateway gateway;
  private static final Map<String, Optional<String>> seen = new ConcurrentHashMap<>();

  /** Tools search, read_file and deploy; remembers the identity headers it was called with. */
  static final class Tools implements McpBackend {
    @Override
    public ServerIdentity identity() {
      return new ServerIdentity(
          Json.object().add("name", "tools").add("version", "1").build(),
          Json.object().add("tools", Json.object()).build(),
          Optional.empty());
    }

    @Override
    public JsonObject handle(McpRequest request) throws McpException {
      return switch (request.method()) {
        case "tools/list" -> {
          var tools = Json.array();
          for (String name : List.of("search", "read_file", "deploy")) {
            tools.add(
                Json.object()
                    .add("name", name)
                    .add("inputSchema", Json.object().add("type", "object")));
          }
          yield Json.object().add("tools", tools).build();
        }
        case "tools/call" -> {
          for (String h : List.of("Authorization", "X-MCP-Subject", "X-Forwarded-User")) {
            seen.put(h, request.httpHeader(h));
          }
          yield Json.object()
              .add(
                  "content",
                  Json.array()
                      .add(
                          Json.object()
                              .add("type", "text")
                              .add(
                                  "text",
                                  "ran " + Json.string(request.params(), "name").orElse(""))))
              .build();
        }
        default ->
            throw new McpException(
                io.mcpoperator.mcp.jsonrpc.JsonRpcError.methodNotFound(request.method()));
      };
    }
  }

  /** The value of header {@code name} on the upstream's last tools/call. */
  static Optional<String> seenHeader(String name) {
    return seen.getOrDefault(name, Optional.empty());
  }

  @BeforeAll
  static void start() {
    idp = new OidcProvider();
    upstream = new TestServer(McpHttpEndpoint.builder().backend(new Tools()).build());
    gateway = gatewayFor(idp);
  }

  private static Gateway gatewayFor(OidcProvider idp) {
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
                        .add("mode", "oidc")
                        .add("resourceUrl", RESOURCE)
                        .add("issuer", idp.issuer())
                        .add("requiredScopes", Json.array().add("mcp:tools"))
                        .add("forwardIdentity", Json.object().add("subjectHeader", "X-MCP-Subject"))
                        .add(
                            "rules",
                            Json.array()
                                .add(
                                    Json.object()
                                        .add("tools", Json.array().add("search").add("read_*"))
                                        .add(
                                            "allow",
                                            Json.array()
                                                .add(
                                                    Json.object()
                                                        .add("claim", "groups")
                                                        .add("anyOf", Json.array().add("eng")))))
                                .add(
                                    Json.object()
                                        .add("tools", Json.array().add("deploy"))
                                        .add("requiredScopes", Json.array().add("mcp:deploy"))
                                        .add(
                                            "allow",
                                            Json.array()
                                                .add(Json.object().add("principal", "sre-bot"))))))
                .build());
    Gateway gateway =
        Gateway.start(
            ConfigLoader.parse(config),
            "127.0.0.1",
            new Environment(
                // listed, yet never forwarded while auth is on
                Map.of("MCP_GATEWAY_FORWARD_HEADERS", "Authorization,X-Forwarded-User"),
                Environment.empty().maxSpin()));
    await().atMost(Duration.ofSeconds(30)).until(gateway::ready);
    return gateway;
  }

  @AfterAll
  static void stop() {
    if (gateway != null) {
      gateway.close();
    }
    if (upstream != null) {
      upstream.close();
    }
    if (idp != null) {
      idp.close();
    }
  }

  private static String token(String subject, String scope, List<String> groups) {
    return idp.token(subject, RESOURCE, scope, Map.of("groups", groups));
  }

  private static HttpResponse<String> post(
      Optional<String> token, Optional<String> session, JsonObject body, String... headers)
      throws Exception {
    var req =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.port() + "/mcp"))
            .header("Content-Type", "application/json")
            .header("Accept", "application/json, text/event-stream")
            .POST(HttpRequest.BodyPublishers.ofString(Json.write(body)));
    token.ifPresent(t -> req.header("Authorization", "Bearer " + t));
    session.ifPresent(s -> req.header("Mcp-Session-Id", s));
    if (headers.length > 0) {
      req.headers(headers);
    }
    return HTTP.send(req.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.port() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static JsonObject initialize() {
    return Json.object()
        .add("jsonrpc", "2.0")
        .add("id", 1)
        .add("method", "initialize")
        .add(
            "params",
            Json.object()
                .add("protocolVersion", "2025-06-18")
                .add("capabilities", Json.object())
                .add("clientInfo", Json.object().add("name", "it").add("version", "1")))
        .build();
  }

  private static JsonObject call(String method, JsonObject params) {
    return Json.object()
        .add("jsonrpc", "2.0")
        .add("id", 2)
        .add("method", method)
        .add("params", params)
        .build();
  }

  private static JsonObject tool(String name) {
    return call(
        "tools/call", Json.object().add("name", name).add("arguments", Json.object()).build());
  }

  /** A session of {@code token}'s caller. */
  private static String session(String token) throws Exception {
    var res = post(Optional.of(token), Optional.empty(), initialize());
    assertThat(res.statusCode()).as(res.body()).isEqualTo(200);
    String id = res.headers().firstValue("Mcp-Session-Id").orElseThrow();
    post(
        Optional.of(token),
        Optional.of(id),
        Json.object().add("jsonrpc", "2.0").add("method", "notifications/initialized").build());
    return id;
  }

  private static JsonObject answer(HttpResponse<String> res) {
    String body = res.body();
    if (body.startsWith("{")) {
      return Json.parse(body).asJsonObject();
    }
    // an SSE answer: the last data line
    String data = body.lines().filter(l -> l.startsWith("data:")).reduce((a, b) -> b).orElseThrow();
    return Json.parse(data.substring(5).strip()).asJsonObject();
  }

  @Test
  void auth_401_response() throws Exception {
    var res = post(Optional.empty(), Optional.empty(), initialize());

    assertThat(res.statusCode()).isEqualTo(401);
    assertThat(res.headers().firstValue("WWW-Authenticate"))
        .hasValue("Bearer resource_metadata=\"" + METADATA + "\", scope=\"mcp:tools\"");
    assertThat(res.headers().firstValue("Access-Control-Expose-Headers"))
        .hasValue("WWW-Authenticate");
  }

  @Test
  void auth_resource_metadata_param_pointsAtTheMetadataTheGatewayServes() throws Exception {
    String header =
        post(Optional.empty(), Optional.empty(), initialize())
            .headers()
            .firstValue("WWW-Authenticate")
            .orElseThrow();
    String url = header.replaceAll(".*resource_metadata=\"([^\"]+)\".*", "$1");

    var res = get(URI.create(url).getPath());

    assertThat(res.statusCode()).isEqualTo(200);
    assertThat(Json.parse(res.body()).asJsonObject().getString("resource")).isEqualTo(RESOURCE);
  }

  @Test
  void auth_prm_resource() throws Exception {
    for (String path :
        List.of(
            "/.well-known/oauth-protected-resource", "/.well-known/oauth-protected-resource/mcp")) {
      var res = get(path);
      assertThat(res.statusCode()).as(path).isEqualTo(200);
      assertThat(res.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
      JsonObject prm = Json.parse(res.body()).asJsonObject();
      assertThat(prm.getString("resource")).isEqualTo(RESOURCE);
      assertThat(prm.getJsonArray("authorization_servers").getString(0)).isEqualTo(idp.issuer());
      assertThat(prm.getJsonArray("scopes_supported").toString())
          .isEqualTo("[\"mcp:tools\",\"mcp:deploy\"]");
      assertThat(prm.getJsonArray("bearer_methods_supported").toString()).isEqualTo("[\"header\"]");
    }
    var preflight =
        HTTP.send(
            HttpRequest.newBuilder(
                    URI.create(
                        "http://127.0.0.1:"
                            + gateway.port()
                            + "/.well-known/oauth-protected-resource/mcp"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "http://inspector.example")
                .header("Access-Control-Request-Method", "GET")
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(preflight.statusCode()).isEqualTo(204);
    assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
  }

  @Test
  void auth_invalid_token_rejected() throws Exception {
    Map<String, String> bad =
        Map.of(
            "garbage", "not-a-jwt",
            "expired",
                idp.token(OidcProvider.ISSUER_ID, "alice", RESOURCE, "mcp:tools", Map.of(), -600),
            "wrong audience", idp.token("alice", "http://other.example/mcp", "mcp:tools", Map.of()),
            "wrong issuer",
                idp.token("other-issuer", "alice", RESOURCE, "mcp:tools", Map.of(), 3600),
            "alg none", idp.unsigned(RESOURCE),
            "HS256 with the public key", idp.hmacWithPublicKey(RESOURCE));
    for (var e : bad.entrySet()) {
      var res = post(Optional.of(e.getValue()), Optional.empty(), initialize());
      assertThat(res.statusCode()).as(e.getKey()).isEqualTo(401);
      assertThat(res.headers().firstValue("WWW-Authenticate").orElseThrow())
          .as(e.getKey())
          .startsWith("Bearer resource_metadata=\"" + METADATA + "\", scope=\"mcp:tools\"")
          .contains("error=\"invalid_token\"");
    }
  }

  @Test
  void aTokenInTheQueryStringIsNotAccepted() throws Exception {
    String good = token("alice", "mcp:tools", List.of("eng"));
    var res =
        HTTP.send(
            HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + gateway.port() + "/mcp?access_token=" + good))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(initialize())))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(res.statusCode()).isEqualTo(401);
  }

  @Test
  void aTokenWithoutTheRequiredScopeGets403NamingIt() throws Exception {
    var res = post(Optional.of(token("alice", "", List.of("eng"))), Optional.empty(), initialize());

    assertThat(res.statusCode()).isEqualTo(403);
    assertThat(res.headers().firstValue("WWW-Authenticate").orElseThrow())
        .startsWith("Bearer error=\"insufficient_scope\", scope=\"mcp:tools\"")
        .contains("resource_metadata=\"" + METADATA + "\"");
  }

  @Test
  void toolsListShowsWhatTheRulesAllowAndADeniedToolAnswersLikeAnUnknownOne() throws Exception {
    String alice = token("alice", "mcp:tools", List.of("eng"));
    String session = session(alice);

    var list =
        answer(
            post(
                Optional.of(alice),
                Optional.of(session),
                call("tools/list", Json.object().build())));
    assertThat(list.getJsonObject("result").getJsonArray("tools").toString())
        .contains("\"search\"", "\"read_file\"")
        .doesNotContain("\"deploy\"");
    assertThat(answer(post(Optional.of(alice), Optional.of(session), tool("search"))).toString())
        .contains("ran search");

    String mallory = token("mallory", "mcp:tools", List.of("sales"));
    String other = session(mallory);
    var listed =
        answer(
            post(
                Optional.of(mallory),
                Optional.of(other),
                call("tools/list", Json.object().build())));
    assertThat(listed.getJsonObject("result").getJsonArray("tools")).isEmpty();
    JsonObject denied = answer(post(Optional.of(mallory), Optional.of(other), tool("search")));
    JsonObject unknown =
        answer(post(Optional.of(mallory), Optional.of(other), tool("no-such-tool")));
    assertThat(denied.getJsonObject("error").getInt("code"))
        .isEqualTo(unknown.getJsonObject("error").getInt("code"));
    assertThat(denied.getJsonObject("error").getString("message"))
        .isEqualTo(
            unknown.getJsonObject("error").getString("message").replace("no-such-tool", "search"));
  }

  @Test
  void aRuleScopeMissingIsA403StepUpAndTheNewTokenSucceeds() throws Exception {
    String narrow = token("sre-bot", "mcp:tools", List.of());
    String session = session(narrow);

    var res = post(Optional.of(narrow), Optional.of(session), tool("deploy"));
    assertThat(res.statusCode()).isEqualTo(403);
    assertThat(res.headers().firstValue("WWW-Authenticate").orElseThrow())
        .startsWith("Bearer error=\"insufficient_scope\", scope=\"mcp:tools mcp:deploy\"");

    String wide = token("sre-bot", "mcp:tools mcp:deploy", List.of());
    // same iss + sub: the session stays the caller's
    var again = post(Optional.of(wide), Optional.of(session), tool("deploy"));
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(answer(again).toString()).contains("ran deploy");
  }

  @Test
  void aSessionPresentedWithAnotherCallersTokenIsUnknown() throws Exception {
    String alice = token("alice", "mcp:tools", List.of("eng"));
    String session = session(alice);

    var bob =
        post(
            Optional.of(token("bob", "mcp:tools", List.of("eng"))),
            Optional.of(session),
            tool("search"));
    assertThat(bob.statusCode()).isEqualTo(404);
    assertThat(post(Optional.of(alice), Optional.of(session), tool("search")).statusCode())
        .isEqualTo(200);
  }

  @Test
  void theUpstreamNeverSeesTheClientsTokenOrForgedIdentityButTheCallersSubject() throws Exception {
    String alice = token("alice", "mcp:tools", List.of("eng"));
    String session = session(alice);

    var res =
        post(
            Optional.of(alice),
            Optional.of(session),
            tool("search"),
            "X-MCP-Subject",
            "root",
            "X-Forwarded-User",
            "root");

    assertThat(res.statusCode()).isEqualTo(200);
    assertThat(seen.get("Authorization")).isEmpty();
    assertThat(seen.get("X-Forwarded-User")).isEmpty();
    assertThat(seen.get("X-MCP-Subject")).hasValue("alice");
  }

  @Test
  void healthAndMetricsStayOpenAndCountDecisions() throws Exception {
    post(Optional.empty(), Optional.empty(), initialize());

    assertThat(get("/observe/health").statusCode()).isEqualTo(200);
    var metrics = get("/observe/metrics");
    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.body())
        .containsPattern(
            "mcp_auth_decisions_total\\{[^}]*reason=\"missing_token\"[^}]*result=\"deny\"");
  }

  @Test
  void aRotatedProviderKeyIsFetchedOnItsNewKid() throws Exception {
    // a provider and gateway of its own: rotation must not disturb the other tests
    try (var own = new OidcProvider()) {
      Gateway rotating = gatewayFor(own);
      try {
        assertThat(send(rotating, own.token("alice", RESOURCE, "mcp:tools", Map.of())).statusCode())
            .isEqualTo(200);
        own.rotateKey();

        var res = send(rotating, own.token("alice", RESOURCE, "mcp:tools", Map.of()));

        assertThat(res.statusCode()).as(res.body()).isEqualTo(200);
      } finally {
        rotating.close();
      }
    }
  }

  private static HttpResponse<String> send(Gateway to, String token) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + to.port() + "/mcp"))
            .header("Content-Type", "application/json")
            .header("Accept", "application/json, text/event-stream")
            .header("Authorization", "Bearer " + token)
            .POST(HttpRequest.BodyPublishers.ofString(Json.write(initialize())))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
