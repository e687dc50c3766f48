package io.mcpoperator.operator.api;

import io.kubernetes.client.openapi.models.V1Affinity;
import io.kubernetes.client.openapi.models.V1EnvFromSource;
import io.kubernetes.client.openapi.models.V1EnvVar;
import io.kubernetes.client.openapi.models.V1LabelSelector;
import io.kubernetes.client.openapi.models.V1LocalObjectReference;
import io.kubernetes.client.openapi.models.V1PodSecurityContext;
import io.kubernetes.client.openapi.models.V1ResourceRequirements;
import io.kubernetes.client.openapi.models.V1SecurityContext;
import io.kubernetes.client.openapi.models.V1Toleration;
import io.kubernetes.client.openapi.models.V1Volume;
import io.kubernetes.client.openapi.models.V1VolumeMount;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The spec of an MCPServer with every default applied. Kubernetes-native parts are client-java
 * models; treat them as read-only (copy before changing).
 */
public record McpServerSpec(
    Optional<String> image,
    String tag,
    List<String> command,
    List<String> args,
    List<V1EnvVar> env,
    List<V1EnvFromSource> envFrom,
    Optional<V1ResourceRequirements> resources,
    int replicas,
    int port,
    String serviceType,
    Map<String, String> nodeSelector,
    List<V1Toleration> tolerations,
    Optional<V1Affinity> affinity,
    List<V1Volume> volumes,
    List<V1VolumeMount> volumeMounts,
    List<V1LocalObjectReference> imagePullSecrets,
    Optional<String> serviceAccountName,
    Transport transport,
    String path,
    Optional<RedisSpec> redis,
    Optional<IngressSpec> ingress,
    Optional<V1LabelSelector> toolSelector,
    GatewayConfigSpec config,
    Optional<V1PodSecurityContext> podSecurityContext,
    Optional<V1SecurityContext> securityContext,
    Optional<ServerRegistry> registry,
    AuthSpec auth,
    boolean transportSet,
    boolean portSet) {

  public McpServerSpec {
    command = List.copyOf(command);
    args = List.copyOf(args);
    env = List.copyOf(env);
    envFrom = List.copyOf(envFrom);
    nodeSelector = Collections.unmodifiableMap(new TreeMap<>(nodeSelector));
    tolerations = List.copyOf(tolerations);
    volumes = List.copyOf(volumes);
    volumeMounts = List.copyOf(volumeMounts);
    imagePullSecrets = List.copyOf(imagePullSecrets);
  }

  /**
   * The image reference the server container runs: {@code image:tag}, or {@code image} unchanged
   * when it already carries a tag or a digest.
   */
  public Optional<String> imageReference() {
    return image.map(i -> SpecReader.tagged(i) ? i : i + ":" + tag);
  }

  /**
   * This spec with another command and args (e.g. the image's entrypoint read from its registry).
   */
  public McpServerSpec withCommand(List<String> command, List<String> args) {
    return new McpServerSpec(
        image,
        tag,
        command,
        args,
        env,
        envFrom,
        resources,
        replicas,
        port,
        serviceType,
        nodeSelector,
        tolerations,
        affinity,
        volumes,
        volumeMounts,
        imagePullSecrets,
        serviceAccountName,
        transport,
        path,
        redis,
        ingress,
        toolSelector,
        config,
        podSecurityContext,
        securityContext,
        registry,
        auth,
        transportSet,
        portSet);
  }
}
