package io.mcpoperator.operator.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import io.mcpoperator.operator.desired.ChildSettings;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OperatorConfigTest {

  private static final Config EMPTY = Config.just(ConfigSources.create(Map.of()));

  @Test
  void defaultsWatchEverythingWithLeaderElection() {
    OperatorConfig config = OperatorConfig.load(Config.create(), Map.of());

    assertThat(config.watchNamespaces()).isEmpty();
    assertThat(config.childSettings().gatewayImage())
        .isEqualTo(ChildSettings.DEFAULT_GATEWAY_IMAGE);
    assertThat(config.childSettings().gatewayPort()).isEqualTo(8090);
    assertThat(config.healthPort()).isEqualTo(8081);
    assertThat(config.deletionTimeout()).isEqualTo(Duration.ofSeconds(60));
    assertThat(config.resyncPeriod()).isEqualTo(Duration.ofMinutes(5));
    assertThat(config.crdDiscoveryInterval()).isEqualTo(Duration.ofSeconds(30));
    assertThat(config.leaderElection().enabled()).isTrue();
    assertThat(config.leaderElection().leaseNamespace()).isEqualTo("default");
    assertThat(config.leaderElection().identity()).startsWith("mcp-operator-");
  }

  @Test
  void environmentVariablesOverrideTheFile() {
    OperatorConfig config =
        OperatorConfig.load(
            Config.create(),
            Map.of(
                "RELATED_IMAGE_GATEWAY", "registry.local/gateway@sha256:abc",
                "GATEWAY_PORT", "9000",
                "WATCH_NAMESPACES", " team-a, team-b ,,",
                "LEADER_ELECTION_ENABLED", "false",
                "POD_NAMESPACE", "mcp-system",
                "POD_NAME", "mcp-operator-7d9f",
                "HEALTH_PORT", "9090",
                "DELETION_TIMEOUT", "2m",
                "RESYNC_PERIOD", "1m30s",
                "WORKERS", "8"));

    assertThat(config.childSettings().gatewayImage())
        .isEqualTo("registry.local/gateway@sha256:abc");
    assertThat(config.childSettings().gatewayPort()).isEqualTo(9000);
    assertThat(config.watchNamespaces()).isEqualTo(List.of("team-a", "team-b"));
    assertThat(config.leaderElection().enabled()).isFalse();
    assertThat(config.leaderElection().leaseNamespace()).isEqualTo("mcp-system");
    assertThat(config.leaderElection().identity()).isEqualTo("mcp-operator-7d9f");
    assertThat(config.healthPort()).isEqualTo(9090);
    assertThat(config.deletionTimeout()).isEqualTo(Duration.ofMinutes(2));
    assertThat(config.resyncPeriod()).isEqualTo(Duration.ofSeconds(90));
    assertThat(config.workers()).isEqualTo(8);
  }

  @Test
  void theCrdDiscoveryIntervalIsADuration() {
    OperatorConfig config = OperatorConfig.load(EMPTY, Map.of("CRD_DISCOVERY_INTERVAL", "10s"));
    assertThat(config.crdDiscoveryInterval()).isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void leaseNamespaceWinsOverPodNamespace() {
    OperatorConfig config =
        OperatorConfig.load(EMPTY, Map.of("LEASE_NAMESPACE", "leases", "POD_NAMESPACE", "pods"));
    assertThat(config.leaderElection().leaseNamespace()).isEqualTo("leases");
  }

  @ParameterizedTest
  @CsvSource({
    "HEALTH_PORT, http, a whole number",
    "HEALTH_PORT, 70000, a port between 1 and 65535",
    "GATEWAY_PORT, 0, a port between 1 and 65535",
    "WORKERS, 0, a positive number",
    "LEADER_ELECTION_ENABLED, yes, true or false",
    "DELETION_TIMEOUT, soon, a positive duration",
    "RESYNC_PERIOD, 0s, a positive duration",
    "CRD_DISCOVERY_INTERVAL, often, a positive duration",
    "DELETION_TIMEOUT, PT30S, 1m30s",
    "RESYNC_PERIOD, -5s, a positive duration",
  })
  void badValuesFailFastNamingTheSetting(String variable, String value, String expected) {
    assertThatThrownBy(() -> OperatorConfig.load(EMPTY, Map.of(variable, value)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(variable)
        .hasMessageContaining(value)
        .hasMessageContaining(expected);
  }
}
