package io.mcpoperator.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mcpoperator.gateway.Gateway;
import io.mcpoperator.gateway.config.ConfigLoader;
import io.mcpoperator.gateway.config.GatewayConfig;
import io.mcpoperator.mcp.jsonrpc.Json;
import io.mcpoperator.mcp.testing.TestServer;
import io.mcpoperator.mcp.transport.McpHttpEndpoint;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The cost of token validation with a warm key cache (not a timed test: it writes figures to {@code
 * -Dbench.out}, see hack/bench/auth.sh). Two figures: {@link Authenticator#authenticate} alone, and
 * a tools/call through a protected gateway against the same call through an open one, in
 * interleaved rounds, both in front of one in-process HTTP upstream.
 */
@EnabledIfSystemProperty(named = "bench.out", matches = ".+")
class AuthLatencyBenchmark {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final int VERIFY_WARMUP = 20_000;
  private static final int VERIFY_MEASURED = 50_000;
  private static final int CALL_WARMUP = 3_000;
  private static final int ROUNDS = 5;
  private static final int CALLS_PER_ROUND = 2_000;

  @Test
  void tokenValidationLatency() throws Exception {
    try (OidcProvider idp = new OidcProvider();
        TestServer upstream =
            new TestServer(McpHttpEndpoint.builder().backend(new GatewayAuthIT.Tools()).build())) {
      GatewayConfig protectedConfig = config(upstream, Optional.of(idp.issuer()));
      String token = idp.token("alice", GatewayAuthIT.RESOURCE, "mcp:tools", Map.of());

      var auth = protectedConfig.auth();
      JwtVerifier signatures =
          new JwtVerifier(
              auth,
              new IssuerKeys(
                  auth.issuer().orElseThrow(),
                  auth.jwksUri(),
                  TrustBundle.retriever(auth.caBundleFile())));
      long[] verify = timed(signatures::verify, token);
      long[] cached = timed(Authenticator.of(auth)::authenticate, token);

      long[][] open = new long[ROUNDS][];
      long[][] guarded = new long[ROUNDS][];
      try (Gateway plain = start(config(upstream, Optional.empty()));
          Gateway secured = start(protectedConfig)) {
        Client openCaller = new Client(plain, Optional.empty());
        Client tokenCaller = new Client(secured, Optional.of(token));
        openCaller.calls(CALL_WARMUP);
        tokenCaller.calls(CALL_WARMUP);
        for (int r = 0; r < ROUNDS; r++) {
          open[r] = openCaller.calls(CALLS_PER_ROUND);
          guarded[r] = tokenCaller.calls(CALLS_PER_ROUND);
        }
      }
      write(verify, cached, flatten(open), flatten(guarded));
    }
  }

  /** Each call's nanoseconds, after a warm-up. */
  private static long[] timed(VerifiedTokens.Verifier verifier, String token) throws Exception {
    for (int i = 0; i < VERIFY_WARMUP; i++) {
      verifier.verify(token);
    }
    long[] took = new long[VERIFY_MEASURED];
    for (int i = 0; i < VERIFY_MEASURED; i++) {
      long t0 = System.nanoTime();
      verifier.verify(token);
      took[i] = System.nanoTime() - t0;
    }
    return took;
  }

  private static GatewayConfig config(TestServer upstream, Optional<String> issuer) {
    var json =
        Json.object()
            .add("listen", Json.object().add("port", 0))
            .add(
                "upstream",
                Json.object()
                    .add("transport", "streamable-http")
                    .add("url", upstream.baseUri() + "/mcp"));
    issuer.ifPresent(
        i ->
            json.add(
                "auth",
                Json.object()
                    .add("mode", "oidc")
                    .add("resourceUrl", GatewayAuthIT.RESOURCE)
                    .add("issuer", i)
                    .add("requiredScopes", Json.array().add("mcp:tools"))));
    return ConfigLoader.parse(Json.write(json.build()));
  }

  private static Gateway start(GatewayConfig config) {
    Gateway gateway = Gateway.start(config, "127.0.0.1");
    await().atMost(Duration.ofSeconds(30)).until(gateway::ready);
    return gateway;
  }

  /** One client session on one gateway, calling the upstream's {@code search} tool in turn. */
  private static final class Client {
    private final URI mcp;
    private final Optional<String> token;
    private final String session;

    Client(Gateway gateway, Optional<String> token) throws Exception {
      this.mcp = URI.create("http://127.0.0.1:" + gateway.port() + "/mcp");
      this.token = token;
      var init = post(Optional.empty(), GatewayAuthIT.initialize());
      this.session = init.headers().firstValue("Mcp-Session-Id").orElseThrow();
      post(
          Optional.of(session),
          Json.object().add("jsonrpc", "2.0").add("method", "notifications/initialized").build());
    }

    long[] calls(int n) throws Exception {
      JsonObject call =
          Json.object()
              .add("jsonrpc", "2.0")
              .add("id", 2)
              .add("method", "tools/call")
              .add(
                  "params",
                  Json.object().add("name", "search").add("arguments", Json.object()).build())
              .build();
      long[] took = new long[n];
      for (int i = 0; i < n; i++) {
        long t0 = System.nanoTime();
        var res = post(Optional.of(session), call);
        took[i] = System.nanoTime() - t0;
        assertThat(res.statusCode()).as(res.body()).isEqualTo(200);
        assertThat(res.body()).contains("ran search");
      }
      return took;
    }

    private HttpResponse<String> post(Optional<String> session, JsonObject body) throws Exception {
      var req =
          HttpRequest.newBuilder(mcp)
              .header("Content-Type", "application/json")
              .header("Accept", "application/json, text/event-stream")
              .POST(HttpRequest.BodyPublishers.ofString(Json.write(body)));
      token.ifPresent(t -> req.header("Authorization", "Bearer " + t));
      session.ifPresent(
          s -> req.header("Mcp-Session-Id", s).header("MCP-Protocol-Version", "2025-06-18"));
      return HTTP.send(req.build(), HttpResponse.BodyHandlers.ofString());
    }
  }

  private static long[] flatten(long[][] rounds) {
    return Arrays.stream(rounds).flatMapToLong(Arrays::stream).toArray();
  }

  private static double micros(long[] sorted, double quantile) {
    return sorted[(int) Math.min(sorted.length - 1, Math.floor(quantile * sorted.length))] / 1000.0;
  }

  private static void write(long[] verify, long[] cached, long[] open, long[] guarded)
      throws Exception {
    Arrays.sort(verify);
    Arrays.sort(cached);
    Arrays.sort(open);
    Arrays.sort(guarded);
    String text =
        """
        # Token validation latency (issue 12)

        `hack/bench/auth.sh`, %s; %d CPUs, %s. RS256 tokens of mock-oauth2-server (2048-bit key),
        keys cached (warm); one sequential client on loopback; the upstream is an in-process
        Streamable HTTP server. Read the differences, not the absolute figures: client, gateways and
        upstream share the JVM and the machine.

        | what | p50 | p90 | p99 |
        |---|---|---|---|
        | signature and claims check, `JwtVerifier.verify` (%,d calls after %,d warm-up) | %.1f µs | %.1f µs | %.1f µs |
        | `Authenticator.authenticate`, the same token again (`VerifiedTokens` hit) | %.1f µs | %.1f µs | %.1f µs |
        | tools/call, open gateway (%d rounds × %,d, interleaved) | %.1f µs | %.1f µs | %.1f µs |
        | tools/call, protected gateway (same rounds) | %.1f µs | %.1f µs | %.1f µs |
        | **added per call by auth** (p50 difference) | **%.1f µs** | | |
        """
            .formatted(
                Instant.now(),
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name") + " " + Runtime.version(),
                VERIFY_MEASURED,
                VERIFY_WARMUP,
                micros(verify, 0.5),
                micros(verify, 0.9),
                micros(verify, 0.99),
                micros(cached, 0.5),
                micros(cached, 0.9),
                micros(cached, 0.99),
                ROUNDS,
                CALLS_PER_ROUND,
                micros(open, 0.5),
                micros(open, 0.9),
                micros(open, 0.99),
                micros(guarded, 0.5),
                micros(guarded, 0.9),
                micros(guarded, 0.99),
                micros(guarded, 0.5) - micros(open, 0.5));
    Path out = Path.of(System.getProperty("bench.out"));
    Files.createDirectories(out.toAbsolutePath().getParent());
    Files.writeString(out, text);
  }
}
