package io.mcpoperator.operator.desired;

import io.kubernetes.client.custom.IntOrString;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1ContainerPort;
import io.kubernetes.client.openapi.models.V1EnvVar;
import io.kubernetes.client.openapi.models.V1EnvVarSource;
import io.kubernetes.client.openapi.models.V1HTTPGetAction;
import io.kubernetes.client.openapi.models.V1Probe;
import io.kubernetes.client.openapi.models.V1SecretKeySelector;
import io.kubernetes.client.openapi.models.V1VolumeMount;
import io.mcpoperator.operator.aggregate.Aggregation;
import io.mcpoperator.operator.aggregate.SecretEnv;
import io.mcpoperator.operator.api.KubernetesJson;
import io.mcpoperator.operator.api.McpServer;
import java.util.ArrayList;
import java.util.List;

/** The gateway sidecar container. */
final class GatewayContainer {
  static final String NAME = "gateway";
  static final String PORT_NAME = "mcp";

  private GatewayContainer() {}

  /**
   * The gateway container; {@code nativeSidecar} makes it an init container that keeps running
   * ({@code restartPolicy: Always}), started before and stopped after the server container.
   */
  static V1Container of(
      McpServer server, Aggregation aggregation, ChildSettings settings, boolean nativeSidecar) {
    List<V1VolumeMount> mounts = new ArrayList<>();
    mounts.add(PodVolumes.mount(PodVolumes.GATEWAY_CONFIG, PodVolumes.CONFIG_DIR, true));
    mounts.add(PodVolumes.mount(PodVolumes.GATEWAY_TMP, "/tmp", false));
    if (DesiredPodTemplate.stdio(server)) {
      mounts.add(PodVolumes.mount(PodVolumes.STDIO, PodVolumes.STDIO_DIR, false));
    }
    mounts.addAll(PodVolumes.authMounts(server));
    V1Container container =
        new V1Container()
            .name(NAME)
            .image(settings.gatewayImage())
            .imagePullPolicy(settings.imagePullPolicy())
            .args(List.of("--config", PodVolumes.CONFIG_DIR + "/" + GatewayConfig.KEY))
            .ports(
                List.of(
                    new V1ContainerPort()
                        .name(PORT_NAME)
                        .containerPort(settings.gatewayPort())
                        .protocol("TCP")))
            .env(env(server, aggregation))
            .resources(KubernetesJson.copy(settings.gatewayResources()))
            .startupProbe(probe("/observe/health/live", 2, 60))
            .livenessProbe(probe("/observe/health/live", 10, 3))
            .readinessProbe(probe("/observe/health/ready", 5, 2))
            .securityContext(SecurityDefaults.gateway())
            .volumeMounts(mounts);
    return nativeSidecar ? container.restartPolicy("Always") : container;
  }

  /**
   * The Redis password and the Secret keys of aggregated tools' headers, each through {@code
   * secretKeyRef}: the operator never reads a Secret. Header Secrets are optional, so a missing one
   * fails only the tools that use it (the gateway reports it), not the whole pod.
   */
  private static List<V1EnvVar> env(McpServer server, Aggregation aggregation) {
    List<V1EnvVar> env = new ArrayList<>();
    server
        .spec()
        .redis()
        .flatMap(r -> r.passwordSecret())
        .ifPresent(
            secret ->
                env.add(
                    secretVar(
                        GatewayConfig.REDIS_PASSWORD_ENV,
                        new V1SecretKeySelector().name(secret.name()).key(secret.key()))));
    for (SecretEnv secret : aggregation.secretEnvs()) {
      env.add(
          secretVar(
              secret.variable(),
              new V1SecretKeySelector()
                  .name(secret.secret().name())
                  .key(secret.secret().key())
                  .optional(true)));
    }
    return env.isEmpty() ? null : env;
  }

  private static V1EnvVar secretVar(String name, V1SecretKeySelector selector) {
    return new V1EnvVar().name(name).valueFrom(new V1EnvVarSource().secretKeyRef(selector));
  }

  private static V1Probe probe(String path, int periodSeconds, int failureThreshold) {
    return new V1Probe()
        .httpGet(new V1HTTPGetAction().path(path).port(new IntOrString(PORT_NAME)).scheme("HTTP"))
        .periodSeconds(periodSeconds)
        .timeoutSeconds(2)
        .failureThreshold(failureThreshold);
  }
}
