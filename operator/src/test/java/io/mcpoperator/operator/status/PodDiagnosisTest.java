package io.mcpoperator.operator.status;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubernetes.client.openapi.models.V1ContainerState;
import io.kubernetes.client.openapi.models.V1ContainerStateRunning;
import io.kubernetes.client.openapi.models.V1ContainerStateTerminated;
import io.kubernetes.client.openapi.models.V1ContainerStateWaiting;
import io.kubernetes.client.openapi.models.V1ContainerStatus;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodStatus;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PodDiagnosisTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "ImagePullBackOff, 'Back-off pulling image \"mcp/nope\"', 'server: Back-off pulling image \"mcp/nope\"'",
    "ErrImagePull, 'manifest unknown', 'server: manifest unknown'",
    "InvalidImageName, '', server",
    "CreateContainerConfigError, 'secret \"db\" not found', 'server: secret \"db\" not found'",
    "RunContainerError, 'exec: \"mcp\": not found', 'server: exec: \"mcp\": not found'"
  })
  void waitingReasonsThatNeedAFixAreProblems(String reason, String message, String expected) {
    V1Pod pod = pod("p-1", List.of(), List.of(waiting("server", reason, message)));

    assertThat(PodDiagnosis.of(List.of(pod)))
        .containsExactly(new PodProblem("p-1", reason, expected));
  }

  @Test
  void crashLoopNamesTheLastExit() {
    V1ContainerStatus crashing =
        waiting("server", "CrashLoopBackOff", "back-off 40s restarting failed container")
            .restartCount(4)
            .lastState(
                new V1ContainerState()
                    .terminated(
                        new V1ContainerStateTerminated().reason("OOMKilled").exitCode(137)));

    assertThat(PodDiagnosis.of(List.of(pod("p-2", List.of(), List.of(crashing)))))
        .containsExactly(
            new PodProblem(
                "p-2",
                "CrashLoopBackOff",
                "server: last exit: OOMKilled, exit code 137; back-off 40s restarting failed"
                    + " container"));
  }

  @Test
  void gatewaySidecarProblemsAreFoundToo() {
    V1Pod pod =
        pod(
            "p-3",
            List.of(waiting("gateway", "ErrImagePull", "not found")),
            List.of(waiting("server", "PodInitializing", "")));

    assertThat(PodDiagnosis.of(List.of(pod)))
        .containsExactly(new PodProblem("p-3", "ErrImagePull", "gateway: not found"));
  }

  @Test
  void repeatedlyFailingContainerBetweenBackOffsIsAProblem() {
    V1ContainerStatus failed =
        new V1ContainerStatus()
            .name("server")
            .restartCount(2)
            .state(
                new V1ContainerState()
                    .terminated(new V1ContainerStateTerminated().reason("Error").exitCode(1)));

    assertThat(PodDiagnosis.of(List.of(pod("p-4", List.of(), List.of(failed)))))
        .containsExactly(new PodProblem("p-4", "Error", "server: exit code 1"));
  }

  @Test
  void healthyStartingAndDeletedPodsAreNotProblems() {
    V1ContainerStatus running =
        new V1ContainerStatus()
            .name("server")
            .state(new V1ContainerState().running(new V1ContainerStateRunning()));
    V1Pod deleted = pod("p-7", List.of(), List.of(waiting("server", "ErrImagePull", "x")));
    deleted.getMetadata().deletionTimestamp(OffsetDateTime.parse("2025-01-01T00:00:00Z"));

    assertThat(
            PodDiagnosis.of(
                List.of(
                    pod("p-5", List.of(), List.of(running)),
                    pod("p-6", List.of(), List.of(waiting("server", "ContainerCreating", ""))),
                    deleted,
                    new V1Pod().metadata(new V1ObjectMeta().name("p-8")))))
        .isEmpty();
  }

  @Test
  void problemsAreSortedByPodName() {
    List<PodProblem> problems =
        PodDiagnosis.of(
            List.of(
                pod("b", List.of(), List.of(waiting("server", "ErrImagePull", "x"))),
                pod("a", List.of(), List.of(waiting("server", "ErrImagePull", "x")))));

    assertThat(problems).extracting(PodProblem::podName).containsExactly("a", "b");
  }

  private static V1ContainerStatus waiting(String container, String reason, String message) {
    return new V1ContainerStatus()
        .name(container)
        .restartCount(0)
        .state(
            new V1ContainerState()
                .waiting(new V1ContainerStateWaiting().reason(reason).message(message)));
  }

  private static V1Pod pod(
      String name, List<V1ContainerStatus> init, List<V1ContainerStatus> containers) {
    return new V1Pod()
        .metadata(new V1ObjectMeta().name(name))
        .status(new V1PodStatus().initContainerStatuses(init).containerStatuses(containers));
  }
}
