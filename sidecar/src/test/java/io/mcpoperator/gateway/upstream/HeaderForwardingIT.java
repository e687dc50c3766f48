package io.mcpoperator.gateway.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.helidon.http.Method;
import io.helidon.webserver.WebServer;
import io.mcpoperator.gateway.Gateway;
import io.mcpoperator.gateway.config.Environment;
import io.mcpoperator.gateway.observe.UpstreamEvents;
import io.mcpoperator.gateway.proxy.ProxyBackend;
import io.mcpoperator.gateway.proxy.UpstreamSession;
import io.mcpoperator.gateway.testing.Configs;
import io.mcpoperator.mcp.testing.EchoBackend;
import io.mcpoperator.mcp.testing.RawClient;
import io.mcpoperator.mcp.testing.TestServer;
import io.mcpoperator.mcp.transport.McpHttpEndpoint;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The gateway passes an allow-list of client headers on to HTTP upstreams, and nothing else. */
@org.junit.jupiter.api.Timeout(120)
class HeaderForwardingIT {
  /** The headers (lower-case names) of every POST the upstream received. */
  private final List<Map<String, String>> posts = new CopyOnWriteArrayList<>();

  private final McpHttpEndpoint upstreamEndpoint =
      McpHttpEndpoint.builder().backend(new EchoBackend()).build();
  private final WebServer upstream =
      WebServer.builder()
          .host("127.0.0.1")
          .port(0)
          .routing(
              r ->
                  r.addFilter(
                          (chain, req, res) -> {
                            if (req.prologue().method() == Method.POST) {
                              var headers = new HashMap<String, String>();
                              req.headers()
                                  .forEach(
                                      h ->
                                          headers.put(
                                              h.name().toLowerCase(Locale.ROOT), h.values()));
                              posts.add(headers);
                            }
                            chain.proceed();
                          })
                      .register(upstreamEndpoint))
          .build()
          .start();

  @AfterEach
  void stop() {
    upstream.stop();
    upstreamEndpoint.close();
  }

  private String upstreamUri(String path) {
    return "http://127.0.0.1:" + upstream.port() + path;
  }

  /** The upstream POSTs that carried a header {@code name}. */
  private List<Map<String, String>> postsWith(String name) {
    return posts.stream().filter(p -> p.containsKey(name)).toList();
  }

  @ParameterizedTest
  @ValueSource(strings = {"/mcp", "/sse"})
  void onlyTheAllowedHeadersReachTheUpstream(String path) {
    ForwardedHeaders forwarded =
        ForwardedHeaders.parse(Optional.of("X-Tenant, Mcp-Session-Id, Host, Content-Length"));
    BiFunction<URI, ForwardedHeaders, Upstream> transport =
        path.equals("/mcp")
            ? (uri, f) -> new StreamableHttpUpstream(uri, Backoff.standard(), f)
            : (uri, f) -> new SseUpstream(uri, Backoff.standard(), f);
    var session =
        new UpstreamSession(
            transport.apply(URI.create(upstreamUri(path)), forwarded),
            Duration.ofSeconds(10),
            UpstreamEvents.NONE);
    try (var gateway =
        new TestServer(
            McpHttpEndpoint.builder()
                .backend(new ProxyBackend(session, Environment.DEFAULT_MAX_SPIN))
                .build())) {
      await().atMost(Duration.ofSeconds(20)).until(session::ready);
      var client = new RawClient(gateway.baseUri());
      String clientSession = client.initialize("2025-06-18");

      var res =
          client.post(
              Map.of(
                  "Mcp-Session-Id", clientSession,
                  "X-Kubeconfig", "a3ViZWNvbmZpZw==",
                  "X-Tenant", "blue",
                  "X-Other", "not listed"),
              RawClient.call(2, "echo"));

      assertThat(res.statusCode()).isEqualTo(200);
      assertThat(res.body()).contains("\"text\":\"t\"");
      assertThat(postsWith("x-kubeconfig")).hasSize(1);
      Map<String, String> call = postsWith("x-kubeconfig").getFirst();
      assertThat(call)
          .containsEntry("x-kubeconfig", "a3ViZWNvbmZpZw==")
          .containsEntry("x-tenant", "blue")
          .containsEntry("host", "127.0.0.1:" + upstream.port())
          .doesNotContainKey("x-other");
      assertThat(call.get("mcp-session-id")).isNotEqualTo(clientSession);
      assertThat(posts).noneMatch(p -> p.containsKey("x-other"));
    } finally {
      session.close();
    }
  }

  static Stream<Arguments> forwardedByEnvironment() {
    return Stream.of(
        Arguments.of("nothing named: X-Kubeconfig only", Map.of(), false),
        Arguments.of("X-Tenant named: both", Map.of(ForwardedHeaders.ENV, "X-Tenant"), true));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("forwardedByEnvironment")
  void theGatewayForwardsTheKubeconfigHeaderAndTheHeadersNamedInTheEnvironmentMainPassesIt(
      String name, Map<String, String> env, boolean tenantForwarded) {
    try (Gateway gateway =
        Gateway.start(
            Configs.http("streamable-http", upstreamUri("/mcp")),
            "127.0.0.1",
            new Environment(env, Environment.DEFAULT_MAX_SPIN))) {
      await().atMost(Duration.ofSeconds(20)).until(gateway::ready);
      var transport =
          HttpClientStreamableHttpTransport.builder("http://127.0.0.1:" + gateway.port())
              .requestBuilder(
                  HttpRequest.newBuilder()
                      .header("X-Kubeconfig", "ZGVmYXVsdA==")
                      .header("X-Tenant", "blue"))
              .build();
      try (McpSyncClient client =
          McpClient.sync(transport).requestTimeout(Duration.ofSeconds(20)).build()) {
        client.initialize();
        client.callTool(new McpSchema.CallToolRequest("echo", Map.of("text", "x")));
      }
      assertThat(postsWith("x-kubeconfig"))
          .singleElement()
          .satisfies(
              p -> {
                assertThat(p).containsEntry("x-kubeconfig", "ZGVmYXVsdA==");
                if (tenantForwarded) {
                  assertThat(p).containsEntry("x-tenant", "blue");
                } else {
                  assertThat(p).doesNotContainKey("x-tenant");
                }
              });
    }
  }
}
