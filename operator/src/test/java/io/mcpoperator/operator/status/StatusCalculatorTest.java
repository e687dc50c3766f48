package io.mcpoperator.operator.status;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1DeploymentSpec;
import io.kubernetes.client.openapi.models.V1DeploymentStatus;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.mcpoperator.operator.api.McpServerParser;
import io.mcpoperator.operator.api.McpServerStatus;
import io.mcpoperator.operator.api.ParsedServer;
import io.mcpoperator.operator.desired.ChildSettings;
import io.mcpoperator.operator.desired.SpecValidator;
import io.mcpoperator.operator.desired.TestServers;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class StatusCalculatorTest {
  static final OffsetDateTime T0 = OffsetDateTime.parse("2025-03-01T12:00:00Z");
  static final OffsetDateTime T1 = OffsetDateTime.parse("2025-03-01T12:05:00.250Z");
  static final String THREE = "{image: mcp/x, transport: sse, replicas: 3}";
  static final List<PodProblem> PULL =
      List.of(new PodProblem("demo-7d9f-abcde", "ImagePullBackOff", "server: Back-off pulling"));

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of(
            "no Deployment yet",
            THREE,
            null,
            List.of(),
            ReconcileOutcome.ok(),
            "Pending",
            "waiting for the Deployment to be created",
            "Ready=False/Creating Available=False/NoReplicasAvailable Progressing=True/Creating"
                + " Reconciled=True/Applied"),
        Arguments.of(
            "Deployment not yet observed",
            THREE,
            deployment(3, 2, 3, 3, 3, 3),
            List.of(),
            ReconcileOutcome.ok(),
            "Pending",
            "rolling out: 3 of 3 updated, 3 of 3 replicas ready",
            "Ready=False/RollingOut Available=True/MinimumReplicasAvailable"
                + " Progressing=True/RollingOut Reconciled=True/Applied"),
        Arguments.of(
            "all ready",
            THREE,
            deployment(2, 2, 3, 3, 3, 3),
            List.of(),
            ReconcileOutcome.ok(),
            "Running",
            "all 3 of 3 replicas ready",
            "Ready=True/AllReplicasReady Available=True/MinimumReplicasAvailable"
                + " Progressing=False/RolloutComplete Reconciled=True/Applied"),
        Arguments.of(
            "some ready",
            THREE,
            deployment(2, 2, 3, 3, 2, 2),
            List.of(),
            ReconcileOutcome.ok(),
            "Degraded",
            "2 of 3 replicas ready",
            "Ready=False/ReplicasNotReady Available=True/MinimumReplicasAvailable"
                + " Progressing=False/RolloutComplete Reconciled=True/Applied"),
        Arguments.of(
            "rolling update",
            THREE,
            deployment(3, 3, 4, 1, 3, 3),
            List.of(),
            ReconcileOutcome.ok(),
            "Pending",
            "rolling out: 1 of 3 updated, 3 of 3 replicas ready",
            "Ready=False/RollingOut Available=True/MinimumReplicasAvailable"
                + " Progressing=True/RollingOut Reconciled=True/Applied"),
        Arguments.of(
            "starting",
            THREE,
            deployment(1, 1, 3, 3, 0, 0),
            List.of(),
            ReconcileOutcome.ok(),
            "Pending",
            "starting: 0 of 3 replicas ready",
            "Ready=False/Starting Available=False/NoReplicasAvailable Progressing=True/Starting"
                + " Reconciled=True/Applied"),
        Arguments.of(
            "image cannot be pulled",
            THREE,
            deployment(1, 1, 3, 3, 0, 0),
            PULL,
            ReconcileOutcome.ok(),
            "Failed",
            "pods cannot start: pod demo-7d9f-abcde: ImagePullBackOff (server: Back-off pulling)",
            "Ready=False/PodsCannotStart Available=False/NoReplicasAvailable"
                + " Progressing=False/PodsCannotStart Reconciled=True/Applied"),
        Arguments.of(
            "rollout to a bad image",
            THREE,
            deployment(2, 2, 4, 1, 3, 3),
            PULL,
            ReconcileOutcome.ok(),
            "Degraded",
            "3 of 3 replicas ready; pod demo-7d9f-abcde: ImagePullBackOff (server: Back-off pulling)",
            "Ready=False/PodsCannotStart Available=True/MinimumReplicasAvailable"
                + " Progressing=False/PodsCannotStart Reconciled=True/Applied"),
        Arguments.of(
            "scaled to zero",
            "{image: mcp/x, transport: sse, replicas: 0}",
            deployment(1, 1, 0, 0, 0, 0),
            List.of(),
            ReconcileOutcome.ok(),
            "Pending",
            "scaled to zero: spec.replicas is 0, nothing serves",
            "Ready=False/ScaledToZero Available=False/NoReplicasAvailable"
                + " Progressing=False/ScaledToZero Reconciled=True/Applied"),
        Arguments.of(
            "scaling to zero",
            "{image: mcp/x, transport: sse, replicas: 0}",
            deployment(2, 2, 1, 0, 1, 1),
            List.of(),
            ReconcileOutcome.ok(),
            "Pending",
            "scaling to zero: 1 pods left",
            "Ready=False/ScaledToZero Available=True/MinimumReplicasAvailable"
                + " Progressing=True/ScaledToZero Reconciled=True/Applied"),
        Arguments.of(
            "invalid spec",
            "{image: mcp/x, transport: websocket}",
            null,
            List.of(),
            ReconcileOutcome.ok(),
            "Failed",
            "spec.transport must be one of stdio, streamable-http, sse; got \"websocket\"",
            "Ready=False/InvalidSpec Available=False/NoReplicasAvailable"
                + " Progressing=False/InvalidSpec Reconciled=False/InvalidSpec"),
        Arguments.of(
            "port of the gateway",
            "{image: mcp/x, transport: sse, port: 8090}",
            null,
            List.of(),
            ReconcileOutcome.ok(),
            "Failed",
            "spec.port 8090 is the port of the gateway sidecar in the same pod",
            "Ready=False/InvalidSpec Available=False/NoReplicasAvailable"
                + " Progressing=False/InvalidSpec Reconciled=False/InvalidSpec"),
        Arguments.of(
            "apply failed",
            THREE,
            deployment(2, 2, 3, 3, 3, 3),
            List.of(),
            ReconcileOutcome.failed("Forbidden", "services is forbidden"),
            "Running",
            "all 3 of 3 replicas ready (last apply failed: services is forbidden)",
            "Ready=True/AllReplicasReady Available=True/MinimumReplicasAvailable"
                + " Progressing=False/RolloutComplete Reconciled=False/Forbidden"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void phaseAndConditions(
      String name,
      String spec,
      V1Deployment deployment,
      List<PodProblem> problems,
      ReconcileOutcome outcome,
      String phase,
      String message,
      String conditions) {
    McpServerStatus status =
        StatusCalculator.compute(input(parse(spec), deployment, problems, outcome, T0));

    assertThat(status.phase().word()).isEqualTo(phase);
    assertThat(status.message()).startsWith(message);
    assertThat(summary(status)).isEqualTo(conditions);
    assertThat(status.conditions())
        .allSatisfy(c -> assertThat(c.observedGeneration()).isEqualTo(2));
    assertThat(status.conditions())
        .allSatisfy(c -> assertThat(c.lastTransitionTime()).isEqualTo(T0));
  }

  @Test
  void countsUrlAndSelectorAreReported() {
    McpServerStatus status =
        StatusCalculator.compute(
            input(
                parse(THREE), deployment(2, 2, 3, 3, 2, 1), List.of(), ReconcileOutcome.ok(), T0));

    assertThat(status.replicas()).isEqualTo(3);
    assertThat(status.readyReplicas()).isEqualTo(2);
    assertThat(status.availableReplicas()).isEqualTo(1);
    assertThat(status.observedGeneration()).isEqualTo(2L);
    assertThat(status.url()).isEqualTo("http://demo.ns.svc.cluster.local:8080/mcp");
    assertThat(status.selector())
        .isEqualTo(
            "app.kubernetes.io/instance=demo,app.kubernetes.io/managed-by=mcp-operator,"
                + "app.kubernetes.io/name=mcpserver");
    assertThat(status.toolCount()).isZero();
  }

  @Test
  void terminatingServerReportsPodsLeft() {
    ParsedServer server =
        McpServerParser.parse(
            TestServers.json(
                """
                metadata: {name: demo, namespace: ns, generation: 2,
                           deletionTimestamp: "2025-03-01T12:00:00Z"}
                spec: {image: mcp/x, transport: sse}
                """));

    McpServerStatus status =
        StatusCalculator.compute(
            input(server, deployment(2, 2, 2, 2, 2, 2), List.of(), ReconcileOutcome.ok(), T0));

    assertThat(status.phase().word()).isEqualTo("Terminating");
    assertThat(status.message()).isEqualTo("deleting: waiting for 2 pods to stop");
    assertThat(status.condition("Ready").orElseThrow().reason()).isEqualTo("Terminating");
  }

  @Test
  void unchangedStateGivesAnEqualStatusLaterSoNothingIsWritten() {
    V1Deployment ready = deployment(2, 2, 3, 3, 3, 3);
    McpServerStatus first =
        StatusCalculator.compute(input(parse(THREE), ready, List.of(), ReconcileOutcome.ok(), T0));

    McpServerStatus again =
        StatusCalculator.compute(
            input(withStatus(THREE, first), ready, List.of(), ReconcileOutcome.ok(), T1));

    assertThat(again).isEqualTo(first);
  }

  @Test
  void transitionTimeChangesOnlyForConditionsThatChanged() {
    McpServerStatus starting =
        StatusCalculator.compute(
            input(
                parse(THREE), deployment(2, 2, 3, 3, 0, 0), List.of(), ReconcileOutcome.ok(), T0));

    McpServerStatus running =
        StatusCalculator.compute(
            input(
                withStatus(THREE, starting),
                deployment(2, 2, 3, 3, 3, 3),
                List.of(),
                ReconcileOutcome.ok(),
                T1));

    assertThat(running.condition("Ready").orElseThrow().lastTransitionTime())
        .isEqualTo(OffsetDateTime.parse("2025-03-01T12:05:00Z"));
    assertThat(running.condition("Available").orElseThrow().lastTransitionTime())
        .isEqualTo(OffsetDateTime.parse("2025-03-01T12:05:00Z"));
    assertThat(running.condition("Reconciled").orElseThrow().lastTransitionTime()).isEqualTo(T0);
    assertThat(running.condition("Ready").orElseThrow().message())
        .isEqualTo("all 3 of 3 replicas ready");
  }

  @Test
  void invalidServerKeepsTheUrlItHad() {
    McpServerStatus previous =
        StatusCalculator.compute(
            input(
                parse(THREE), deployment(2, 2, 3, 3, 3, 3), List.of(), ReconcileOutcome.ok(), T0));
    ParsedServer invalid = withStatus("{image: mcp/x, transport: sse, replicas: -2}", previous);

    McpServerStatus status =
        StatusCalculator.compute(
            input(invalid, deployment(2, 2, 3, 3, 3, 3), List.of(), ReconcileOutcome.ok(), T1));

    assertThat(status.phase().word()).isEqualTo("Failed");
    assertThat(status.url()).isEqualTo(previous.url());
    assertThat(status.readyReplicas()).isEqualTo(3);
    assertThat(status.condition("Available").orElseThrow().lastTransitionTime()).isEqualTo(T0);
  }

  private static String summary(McpServerStatus status) {
    return status.conditions().stream()
        .map(c -> c.type() + "=" + c.status() + "/" + c.reason())
        .collect(Collectors.joining(" "));
  }

  /** Parsed and validated, as the reconciler observes a server. */
  static ParsedServer parse(String spec) {
    return SpecValidator.validated(
        McpServerParser.parse(TestServers.json(TestServers.yaml(spec))), ChildSettings.defaults());
  }

  private static ParsedServer withStatus(String spec, McpServerStatus status) {
    var json = TestServers.json(TestServers.yaml(spec));
    json.add("status", status.toJson());
    return McpServerParser.parse(json);
  }

  private static StatusInput input(
      ParsedServer server,
      V1Deployment deployment,
      List<PodProblem> problems,
      ReconcileOutcome outcome,
      OffsetDateTime now) {
    return new StatusInput(
        server,
        Optional.ofNullable(deployment),
        problems,
        outcome,
        now,
        io.mcpoperator.operator.aggregate.Aggregation.none(),
        Optional.empty());
  }

  /** A Deployment of generation {@code generation} and the given status counts. */
  static V1Deployment deployment(
      long generation, long observed, int replicas, int updated, int ready, int available) {
    return new V1Deployment()
        .metadata(new V1ObjectMeta().name("demo").namespace("ns").generation(generation))
        .spec(new V1DeploymentSpec().replicas(updated))
        .status(
            new V1DeploymentStatus()
                .observedGeneration(observed)
                .replicas(replicas)
                .updatedReplicas(updated)
                .readyReplicas(ready)
                .availableReplicas(available));
  }
}
