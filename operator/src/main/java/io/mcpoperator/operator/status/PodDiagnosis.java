package io.mcpoperator.operator.status;

import io.kubernetes.client.openapi.models.V1ContainerStatus;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodStatus;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/** Finds pods that cannot start: image pull errors, crash loops, bad container configuration. */
public final class PodDiagnosis {
  /** Waiting reasons that do not go away without a change of spec, image, Secret or node. */
  static final Set<String> WAITING_PROBLEMS =
      Set.of(
          "ImagePullBackOff",
          "ErrImagePull",
          "ErrImageNeverPull",
          "InvalidImageName",
          "CrashLoopBackOff",
          "CreateContainerConfigError",
          "CreateContainerError",
          "RunContainerError",
          "PreCreateHookError",
          "PostStartHookError");

  /** Termination reasons worth reporting when a container keeps restarting. */
  static final Set<String> TERMINATED_PROBLEMS = Set.of("OOMKilled", "Error", "ContainerCannotRun");

  private PodDiagnosis() {}

  /** One problem per failing pod (its first failing container), sorted by pod name. */
  public static List<PodProblem> of(List<V1Pod> pods) {
    List<PodProblem> problems = new ArrayList<>();
    for (V1Pod pod : pods) {
      if (pod.getMetadata() == null || pod.getMetadata().getDeletionTimestamp() != null) {
        continue;
      }
      String name = pod.getMetadata().getName();
      containerStatuses(pod.getStatus())
          .map(c -> problem(name, c))
          .flatMap(Optional::stream)
          .findFirst()
          .ifPresent(problems::add);
    }
    problems.sort(Comparator.comparing(PodProblem::podName));
    return List.copyOf(problems);
  }

  private static Stream<V1ContainerStatus> containerStatuses(V1PodStatus status) {
    if (status == null) {
      return Stream.empty();
    }
    return Stream.concat(
        Optional.ofNullable(status.getInitContainerStatuses()).stream().flatMap(List::stream),
        Optional.ofNullable(status.getContainerStatuses()).stream().flatMap(List::stream));
  }

  private static Optional<PodProblem> problem(String pod, V1ContainerStatus container) {
    var state = container.getState();
    if (state == null) {
      return Optional.empty();
    }
    var waiting = state.getWaiting();
    if (waiting != null && WAITING_PROBLEMS.contains(waiting.getReason())) {
      String reason = waiting.getReason();
      String message = waiting.getMessage();
      var last = container.getLastState() == null ? null : container.getLastState().getTerminated();
      if ("CrashLoopBackOff".equals(reason) && last != null && last.getReason() != null) {
        message =
            "last exit: " + last.getReason() + ", exit code " + last.getExitCode() + "; " + message;
      }
      return Optional.of(new PodProblem(pod, reason, prefixed(container.getName(), message)));
    }
    var terminated = state.getTerminated();
    int restarts = container.getRestartCount() == null ? 0 : container.getRestartCount();
    if (terminated != null
        && restarts > 0
        && TERMINATED_PROBLEMS.contains(terminated.getReason())) {
      return Optional.of(
          new PodProblem(
              pod,
              terminated.getReason(),
              container.getName() + ": exit code " + terminated.getExitCode()));
    }
    return Optional.empty();
  }

  private static String prefixed(String container, String message) {
    return message == null || message.isBlank() ? container : container + ": " + message.strip();
  }
}
