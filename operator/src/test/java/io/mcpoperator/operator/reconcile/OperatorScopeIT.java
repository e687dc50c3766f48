package io.mcpoperator.operator.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1Pod;
import io.mcpoperator.operator.config.OperatorConfig;
import io.mcpoperator.operator.k8s.ResourceType;
import io.mcpoperator.operator.testing.OperatorFixture;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Settings that change what the operator does: watched namespaces and the deletion bound. */
class OperatorScopeIT {

  private static final String SPEC = "{\"image\": \"example/server\", \"command\": [\"run\"]}";

  @Test
  void serversOutsideTheWatchedNamespacesAreLeftAlone() throws Exception {
    try (OperatorFixture fixture =
        OperatorFixture.start(with(List.of("team-a"), Duration.ofSeconds(60)))) {
      fixture.createServer("team-b", "other", SPEC);
      fixture.createServer("team-a", "mine", SPEC);

      fixture.awaitObject(ResourceType.DEPLOYMENT, "team-a", "mine");
      await().atMost(OperatorFixture.WAIT).until(() -> !fixture.phase("team-a", "mine").isEmpty());

      assertThat(fixture.get(ResourceType.DEPLOYMENT, "team-b", "other")).isEmpty();
      assertThat(fixture.status("team-b", "other").size()).isZero();
    }
  }

  @Test
  void theFinalizerIsReleasedWhenPodsOutliveTheDeletionTimeout() throws Exception {
    try (OperatorFixture fixture = OperatorFixture.start(with(List.of(), Duration.ofSeconds(1)))) {
      fixture.createServer("team-a", "stuck", SPEC);
      fixture.awaitObject(ResourceType.DEPLOYMENT, "team-a", "stuck");
      fixture
          .core()
          .createNamespacedPod(
              "team-a",
              new V1Pod()
                  .metadata(
                      new V1ObjectMeta()
                          .name("stuck-pod")
                          .labels(
                              Map.of(
                                  "app.kubernetes.io/name", "mcpserver",
                                  "app.kubernetes.io/instance", "stuck",
                                  "app.kubernetes.io/managed-by", "mcp-operator"))))
          .execute();

      fixture.delete(ResourceType.MCP_SERVER, "team-a", "stuck");

      await()
          .atMost(OperatorFixture.WAIT)
          .until(() -> fixture.get(ResourceType.MCP_SERVER, "team-a", "stuck").isEmpty());
      assertThat(fixture.core().readNamespacedPod("stuck-pod", "team-a").execute()).isNotNull();
    }
  }

  private static OperatorConfig with(List<String> namespaces, Duration deletionTimeout) {
    OperatorConfig base = OperatorFixture.config(false, "operator-1");
    return new OperatorConfig(
        base.childSettings(),
        namespaces,
        base.leaderElection(),
        base.healthHost(),
        base.healthPort(),
        deletionTimeout,
        base.resyncPeriod(),
        base.workers());
  }
}
