package io.mcpoperator.k8stools.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mcpoperator.k8stools.policy.Policy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerConfigTest {
  @TempDir Path tmp;

  @Test
  void defaults() {
    ServerConfig config = ServerConfig.from(List.of(), Map.of());
    assertThat(config.host()).isEqualTo("0.0.0.0");
    assertThat(config.port()).isEqualTo(9096);
    assertThat(config.timeout()).isEqualTo(Duration.ofSeconds(300));
    assertThat(config.maxOutputChars()).isEqualTo(100_000);
    assertThat(config.tempRoot()).isEqualTo(Path.of(System.getProperty("java.io.tmpdir")));
    assertThat(config.policy().mode()).isEqualTo(Policy.Mode.STRICT);
  }

  @Test
  void optionsWinOverTheEnvironment() {
    ServerConfig config =
        ServerConfig.from(
            List.of(
                "--port",
                "8080",
                "--mode=permissive",
                "--timeout",
                "30",
                "--max-output",
                "500",
                "--temp-dir",
                "/scratch"),
            Map.of("PORT", "9999", "K8S_TOOLS_MODE", "strict", "K8S_TOOLS_TIMEOUT_SECONDS", "5"));
    assertThat(config.port()).isEqualTo(8080);
    assertThat(config.policy().mode()).isEqualTo(Policy.Mode.PERMISSIVE);
    assertThat(config.timeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(config.maxOutputChars()).isEqualTo(500);
    assertThat(config.tempRoot()).isEqualTo(Path.of("/scratch"));
  }

  @Test
  void environmentConfiguresPortPolicyAndToolPaths() throws Exception {
    Path kubectl = Files.createFile(tmp.resolve("my-kubectl"));
    kubectl.toFile().setExecutable(true);
    ServerConfig config =
        ServerConfig.from(
            List.of(),
            Map.of(
                "PORT",
                "7000",
                "K8S_TOOLS_POLICY",
                "mode: permissive\ndeny:\n  - {tool: kubectl, command: scale}",
                "K8S_TOOLS_KUBECTL_PATH",
                kubectl.toString(),
                "PATH",
                tmp.toString()));
    assertThat(config.port()).isEqualTo(7000);
    assertThat(config.policy().denyRules()).hasSize(1);
    assertThat(config.locator().find("kubectl")).contains(kubectl);
    assertThat(config.locator().find("helm")).isEmpty();
  }

  @Test
  void policyFileIsRead() throws Exception {
    Path file = Files.writeString(tmp.resolve("policy.yaml"), "mode: permissive\n");
    assertThat(
            ServerConfig.from(List.of("--policy-file", file.toString()), Map.of()).policy().mode())
        .isEqualTo(Policy.Mode.PERMISSIVE);
    assertThatThrownBy(
            () ->
                ServerConfig.from(
                    List.of("--policy-file", tmp.resolve("nope").toString()), Map.of()))
        .hasMessageContaining("cannot read policy file");
  }

  @Test
  void badValuesFailWithAMessage() {
    assertThatThrownBy(() -> ServerConfig.from(List.of("--port", "http"), Map.of()))
        .hasMessageContaining("port must be a number");
    assertThatThrownBy(() -> ServerConfig.from(List.of("--timeout", "0"), Map.of()))
        .hasMessageContaining("timeout must be positive");
    assertThatThrownBy(() -> ServerConfig.from(List.of("--colour", "red"), Map.of()))
        .hasMessageContaining("unknown option --colour");
    assertThatThrownBy(() -> ServerConfig.from(List.of("serve"), Map.of()))
        .hasMessageContaining("unexpected argument");
    assertThatThrownBy(() -> ServerConfig.from(List.of("--port"), Map.of()))
        .hasMessageContaining("needs a value");
    assertThatThrownBy(() -> ServerConfig.from(List.of(), Map.of("K8S_TOOLS_MODE", "yolo")))
        .hasMessageContaining("strict or permissive");
  }
}
