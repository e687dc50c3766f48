package io.mcpoperator.operator.desired;

import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1PodSecurityContext;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1SecurityContext;
import io.kubernetes.client.openapi.models.V1Volume;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The rules of the PodSecurity {@code restricted} profile (which includes {@code baseline}), as a
 * pure check of a pod spec: https://kubernetes.io/docs/concepts/security/pod-security-standards/
 */
final class RestrictedProfile {
  private RestrictedProfile() {}

  /** Every rule the pod breaks; empty when it would be admitted in a restricted namespace. */
  static List<String> violations(V1PodSpec pod) {
    List<String> problems = new ArrayList<>();
    if (Boolean.TRUE.equals(pod.getHostNetwork())
        || Boolean.TRUE.equals(pod.getHostPID())
        || Boolean.TRUE.equals(pod.getHostIPC())) {
      problems.add("host namespaces");
    }
    for (V1Volume v : Optional.ofNullable(pod.getVolumes()).orElse(List.of())) {
      if (!(v.getConfigMap() != null
          || v.getCsi() != null
          || v.getDownwardAPI() != null
          || v.getEmptyDir() != null
          || v.getEphemeral() != null
          || v.getPersistentVolumeClaim() != null
          || v.getProjected() != null
          || v.getSecret() != null)) {
        problems.add("volume " + v.getName() + " has a restricted type");
      }
    }
    V1PodSecurityContext podContext =
        Optional.ofNullable(pod.getSecurityContext()).orElseGet(V1PodSecurityContext::new);
    if (Long.valueOf(0).equals(podContext.getRunAsUser())) {
      problems.add("pod runAsUser 0");
    }
    String podSeccomp =
        podContext.getSeccompProfile() == null ? null : podContext.getSeccompProfile().getType();
    if ("Unconfined".equals(podSeccomp)) {
      problems.add("pod seccomp Unconfined");
    }
    containers(pod).forEach(c -> container(c, podContext, podSeccomp, problems));
    return problems;
  }

  private static Stream<V1Container> containers(V1PodSpec pod) {
    return Stream.concat(
        Optional.ofNullable(pod.getInitContainers()).orElse(List.of()).stream(),
        Optional.ofNullable(pod.getContainers()).orElse(List.of()).stream());
  }

  private static void container(
      V1Container c, V1PodSecurityContext pod, String podSeccomp, List<String> problems) {
    V1SecurityContext sc =
        Optional.ofNullable(c.getSecurityContext()).orElseGet(V1SecurityContext::new);
    String name = "container " + c.getName() + ": ";
    if (Boolean.TRUE.equals(sc.getPrivileged())) {
      problems.add(name + "privileged");
    }
    if (!Boolean.FALSE.equals(sc.getAllowPrivilegeEscalation())) {
      problems.add(name + "allowPrivilegeEscalation must be false");
    }
    Boolean nonRoot = sc.getRunAsNonRoot() != null ? sc.getRunAsNonRoot() : pod.getRunAsNonRoot();
    if (!Boolean.TRUE.equals(nonRoot)) {
      problems.add(name + "runAsNonRoot must be true");
    }
    if (Long.valueOf(0).equals(sc.getRunAsUser())) {
      problems.add(name + "runAsUser 0");
    }
    String seccomp = sc.getSeccompProfile() != null ? sc.getSeccompProfile().getType() : podSeccomp;
    if (!"RuntimeDefault".equals(seccomp) && !"Localhost".equals(seccomp)) {
      problems.add(name + "seccompProfile must be RuntimeDefault or Localhost");
    }
    var caps = sc.getCapabilities();
    if (caps == null || caps.getDrop() == null || !caps.getDrop().contains("ALL")) {
      problems.add(name + "capabilities must drop ALL");
    }
    if (caps != null && caps.getAdd() != null) {
      caps.getAdd().stream()
          .filter(cap -> !"NET_BIND_SERVICE".equals(cap))
          .forEach(cap -> problems.add(name + "adds capability " + cap));
    }
    Optional.ofNullable(c.getPorts()).orElse(List.of()).stream()
        .map(p -> p.getHostPort())
        .filter(Objects::nonNull)
        .filter(p -> p != 0)
        .forEach(p -> problems.add(name + "hostPort " + p));
  }
}
