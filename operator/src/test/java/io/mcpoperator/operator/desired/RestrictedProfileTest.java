package io.mcpoperator.operator.desired;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubernetes.client.openapi.models.V1PodSpec;
import io.mcpoperator.operator.api.McpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** Generated pods are admitted in namespaces enforcing PodSecurity {@code restricted}. */
class RestrictedProfileTest {
  static final java.util.List<String> CASES = DesiredChildrenGoldenTest.CASES;

  @ParameterizedTest
  @FieldSource("CASES")
  void goldenCasesPassRestricted(String name) {
    assertThat(RestrictedProfile.violations(pod(TestServers.goldenCase(name)))).isEmpty();
  }

  @Test
  void userOverridesThatLoosenTheDefaultsAreCaught() {
    McpServer server =
        TestServers.valid(
            TestServers.yaml(
                """
                image: mcp/time
                command: [mcp-time]
                podSecurityContext: {runAsNonRoot: false}
                securityContext:
                  allowPrivilegeEscalation: true
                  capabilities: {add: [SYS_ADMIN]}
                volumes: [{name: host, hostPath: {path: /var/run}}]
                volumeMounts: [{name: host, mountPath: /host}]
                """));

    assertThat(RestrictedProfile.violations(pod(server)))
        .containsExactlyInAnyOrder(
            "volume host has a restricted type",
            "container gateway: runAsNonRoot must be true",
            "container server: allowPrivilegeEscalation must be false",
            "container server: runAsNonRoot must be true",
            "container server: adds capability SYS_ADMIN");
  }

  private static V1PodSpec pod(McpServer server) {
    return DesiredChildren.of(server, ChildSettings.defaults())
        .deployment()
        .getSpec()
        .getTemplate()
        .getSpec();
  }
}
