package io.mcpoperator.operator.desired;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.mcpoperator.operator.aggregate.Aggregation;
import io.mcpoperator.operator.api.McpServer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The gateway configuration document: the operator side of the operator → gateway contract. */
class GatewayConfigTest {
  /** Shared fixture the gateway's config loader is tested against. */
  static final Path CONTRACT_FIXTURE =
      Path.of("../sidecar/src/test/resources/config/operator-generated.json");

  @Test
  void sharedContractFixtureIsWhatTheOperatorGenerates() {
    String generated =
        GatewayConfig.text(
            TestServers.goldenCase("http-ha"), Aggregation.none(), ChildSettings.defaults());

    Golden.assertMatches(CONTRACT_FIXTURE, generated);
  }

  @Test
  void httpServerIsReachedOnLocalhostAtItsPortAndPath() {
    JsonObject config = config("transport: sse\nimage: mcp/x\nport: 9000\npath: /events");

    assertThat(config.getAsJsonObject("upstream").get("transport").getAsString()).isEqualTo("sse");
    assertThat(config.getAsJsonObject("upstream").get("url").getAsString())
        .isEqualTo("http://127.0.0.1:9000/events");
    assertThat(config.get("redis").isJsonNull()).isTrue();
  }

  @Test
  void redisWithoutPasswordNamesNoPasswordVariable() {
    JsonObject config = config("transport: sse\nimage: mcp/x\nredis: {serviceName: redis.shared}");

    JsonObject redis = config.getAsJsonObject("redis");
    assertThat(redis.get("host").getAsString()).isEqualTo("redis.shared");
    assertThat(redis.get("port").getAsInt()).isEqualTo(6379);
    assertThat(redis.has("passwordEnv")).isFalse();
  }

  @Test
  void limitsComeFromSpecConfigWithDefaults() {
    JsonObject limits =
        config("transport: sse\nimage: mcp/x\nconfig: {requestTimeout: 1500ms, maxBodySize: 2Ki}")
            .getAsJsonObject("limits");

    assertThat(limits.get("requestTimeoutMs").getAsLong()).isEqualTo(1500);
    assertThat(limits.get("maxBodyBytes").getAsLong()).isEqualTo(2048);
    assertThat(limits.get("maxConcurrentRequests").getAsInt()).isEqualTo(100);
    assertThat(limits.get("sessionIdleTimeoutSeconds").getAsLong()).isEqualTo(1800);
    assertThat(limits.get("rateLimit").isJsonNull()).isTrue();
  }

  @Test
  void rateLimitBurstDefaultsToTheRate() {
    JsonObject rate =
        config("transport: sse\nimage: mcp/x\nconfig: {rateLimit: {requestsPerMinute: 120}}")
            .getAsJsonObject("limits")
            .getAsJsonObject("rateLimit");

    assertThat(rate.get("requestsPerMinute").getAsInt()).isEqualTo(120);
    assertThat(rate.get("burst").getAsInt()).isEqualTo(120);
  }

  @Test
  void aggregationOnlyServerHasNoUpstream() {
    JsonObject config = config("toolSelector: {matchLabels: {a: b}}");

    assertThat(config.getAsJsonObject("upstream").get("transport").getAsString()).isEqualTo("none");
  }

  private static JsonObject config(String spec) {
    McpServer server = TestServers.valid(TestServers.yaml(spec));
    return JsonParser.parseString(
            GatewayConfig.text(server, Aggregation.none(), ChildSettings.defaults()))
        .getAsJsonObject();
  }
}
