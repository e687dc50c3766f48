package io.mcpoperator.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mcpoperator.gateway.config.GatewayConfig.Transport;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigLoaderTest {
  private static Environment env(String name, String value) {
    return new Environment(java.util.Map.of(name, value), Environment.DEFAULT_MAX_SPIN);
  }

  @Test
  void readsTheOperatorGeneratedConfiguration() throws Exception {
    GatewayConfig config =
        ConfigLoader.load(Path.of("src/test/resources/config/operator-generated.json"));
    assertThat(config.server()).isEqualTo(new GatewayConfig.ServerRef("platform", "github"));
    assertThat(config.port()).isEqualTo(8090);
    assertThat(config.upstream().transport()).isEqualTo(Transport.STREAMABLE_HTTP);
    assertThat(config.upstream().url()).contains("http://127.0.0.1:3000/api/mcp");
    assertThat(config.upstream().fifoDir()).isEqualTo("/var/run/mcp-stdio");
    assertThat(config.redis())
        .contains(
            new GatewayConfig.RedisConfig("redis-master", 6380, "MCP_GATEWAY_REDIS_PASSWORD", 2));
    assertThat(config.limits().requestTimeout()).isEqualTo(Duration.ofSeconds(90));
    assertThat(config.limits().maxConcurrentRequests()).isEqualTo(250);
    assertThat(config.limits().maxBodyBytes()).isEqualTo(1048576);
    assertThat(config.limits().allowedOrigins()).containsExactly("https://chat.example.com");
    assertThat(config.limits().rateLimit()).contains(new GatewayConfig.RateLimit(600, 50));
  }

  @Test
  void readsAStdioSampleAndIgnoresUnknownFields() throws Exception {
    GatewayConfig config = ConfigLoader.load(Path.of("src/test/resources/config/sample.json"));
    assertThat(config.upstream().transport()).isEqualTo(Transport.STDIO);
    assertThat(config.upstream().command()).isEmpty();
    assertThat(config.redis()).isPresent();
    GatewayConfig.RedisConfig redis = config.redis().get();
    assertThat(redis.password(env("MCP_GATEWAY_REDIS_PASSWORD", "s3cret"))).contains("s3cret");
    assertThat(redis.password(env("MCP_GATEWAY_REDIS_PASSWORD", ""))).isEmpty();
    assertThat(redis.password(Environment.empty())).isEmpty();
  }

  @Test
  void anEmptyDocumentTakesTheContractDefaults() {
    GatewayConfig config = ConfigLoader.parse("{}");
    assertThat(config.port()).isEqualTo(8090);
    assertThat(config.upstream())
        .isEqualTo(
            new GatewayConfig.UpstreamConfig(
                Transport.STDIO, Optional.empty(), List.of(), "/var/run/mcp-stdio"));
    assertThat(config.redis()).isEmpty();
    assertThat(config.limits())
        .isEqualTo(
            new GatewayConfig.Limits(
                Duration.ofSeconds(30),
                100,
                4194304,
                List.of(),
                Duration.ofMinutes(30),
                Optional.empty()));
    assertThat(config.tools()).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "                                     | ",
        "\"protocolVersion\":null,           | ",
        "\"protocolVersion\":\"2026-07-28\", | 2026-07-28",
        "\"protocolVersion\":\"2025-06-18\", | 2025-06-18",
      })
  void readsTheUpstreamProtocolVersion(String field, String expected) {
    GatewayConfig config =
        ConfigLoader.parse(
            "{\"upstream\":{"
                + (field == null ? "" : field)
                + "\"transport\":\"streamable-http\",\"url\":\"http://h/mcp\"}}");
    assertThat(config.upstream().protocolVersion()).isEqualTo(Optional.ofNullable(expected));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "null                                             | ",
        "{\"requestsPerMinute\":600,\"burst\":50}             | 600,50",
        "{\"requestsPerMinute\":120}                          | 120,120",
        "{\"requestsPerMinute\":60,\"burst\":null,\"x\":1}    | 60,60",
      })
  void readsTheServerRateLimit(String rateLimit, String expected) {
    GatewayConfig config = ConfigLoader.parse("{\"limits\":{\"rateLimit\":" + rateLimit + "}}");
    assertThat(config.limits().rateLimit())
        .isEqualTo(
            Optional.ofNullable(expected)
                .map(e -> e.split(","))
                .map(
                    p ->
                        new GatewayConfig.RateLimit(
                            Integer.parseInt(p[0]), Integer.parseInt(p[1]))));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "[]                                                      | must be a JSON object",
        "{nope                                                   | not valid JSON",
        "{\"version\":2}                                         | unsupported gateway configuration version 2",
        "{\"upstream\":{\"transport\":\"carrier-pigeon\"}}       | upstream.transport must be one of",
        "{\"upstream\":{\"transport\":\"sse\"}}                  | upstream.url is required",
        "{\"limits\":{\"requestTimeoutMs\":0}}                   | limits.requestTimeoutMs must be a positive integer, got",
        "{\"limits\":{\"maxConcurrentRequests\":\"many\"}}       | maxConcurrentRequests must be an integer",
        "{\"listen\":{\"port\":70000}}                           | listen.port must be a port number",
        "{\"redis\":{\"port\":1}}                                | redis.host is required",
        "{\"limits\":{\"rateLimit\":600}}                         | limits.rateLimit must be an object or null",
        "{\"limits\":{\"rateLimit\":{\"burst\":5}}}                | limits.rateLimit.requestsPerMinute is required",
        "{\"limits\":{\"rateLimit\":{\"requestsPerMinute\":0}}}    | limits.rateLimit.requestsPerMinute must be a positive integer, got",
        "{\"limits\":{\"rateLimit\":{\"requestsPerMinute\":9,\"burst\":-1}}} | limits.rateLimit.burst must be a positive integer, got",
        "{\"upstream\":{\"protocolVersion\":\"2030-01-01\"}}  | upstream.protocolVersion must be one of [2024-11-05, 2025-03-26, 2025-06-18, 2025-11-25, 2026-07-28], got \"2030-01-01\"",
        "{\"upstream\":{\"protocolVersion\":7}}               | upstream.protocolVersion must be one of",
        "{\"upstream\":{\"transport\":\"sse\",\"url\":\"http://h/sse\",\"protocolVersion\":\"2026-07-28\"}} | upstream.protocolVersion 2026-07-28 needs transport streamable-http or stdio: the legacy sse transport has no stateless revision",
      })
  void rejectsBadValuesNamingTheField(String json, String message) {
    assertThatThrownBy(() -> ConfigLoader.parse(json))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(message);
  }
}
