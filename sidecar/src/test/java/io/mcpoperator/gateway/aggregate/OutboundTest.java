package io.mcpoperator.gateway.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcpoperator.gateway.aggregate.limits.InMemoryResponseCache;
import io.mcpoperator.gateway.aggregate.limits.RedisRateLimiter;
import io.mcpoperator.gateway.aggregate.limits.RedisResponseCache;
import io.mcpoperator.gateway.config.ConfigLoader;
import io.mcpoperator.gateway.config.Environment;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OutboundTest {

  @Test
  void withoutRedisEverythingIsInMemory() {
    var env = new Environment(Map.of("MCP_SECRET_X", "token"), Environment.DEFAULT_MAX_SPIN);
    try (var outbound = Outbound.forGateway(ConfigLoader.defaults(), env)) {
      assertThat(outbound.cache()).isInstanceOf(InMemoryResponseCache.class);
      assertThat(outbound.env().apply("MCP_SECRET_X")).contains("token");
      assertThat(outbound.env().apply("PATH")).isEmpty();
    }
  }

  @Test
  void withRedisTheCacheAndLimitsGoThroughItAndSurviveItsAbsence() throws IOException {
    int port;
    try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    var config =
        ConfigLoader.parse(
            "{\"server\": {\"namespace\": \"ns\", \"name\": \"s\"},"
                + " \"redis\": {\"host\": \"127.0.0.1\", \"port\": "
                + port
                + "}}");
    try (var outbound = Outbound.forGateway(config, Environment.empty())) {
      assertThat(outbound.cache()).isInstanceOf(RedisResponseCache.class);
      assertThat(outbound.rateLimiter()).isInstanceOf(RedisRateLimiter.class);
      outbound.cache().put("k", "v", Duration.ofSeconds(1));
      assertThat(outbound.cache().get("k")).isEmpty();
      assertThat(outbound.rateLimiter().acquire("t:s", 60, 1)).isZero();
      assertThat(outbound.rateLimiter().acquire("t:s", 60, 1)).isPositive();
    }
  }
}
