package io.mcpoperator.operator.desired;

import io.kubernetes.client.openapi.models.V1Volume;
import io.kubernetes.client.openapi.models.V1VolumeMount;
import io.mcpoperator.operator.aggregate.LabelSelectors;
import io.mcpoperator.operator.api.McpServer;
import io.mcpoperator.operator.api.McpServerSpec;
import io.mcpoperator.operator.api.ParsedServer;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks of a parsed spec against the operator's settings and the pod the operator builds: what
 * neither the CRD schema nor the parser can know.
 */
public final class SpecValidator {
  private SpecValidator() {}

  /** What to fix, or empty when the server can be reconciled with these settings. */
  public static Optional<String> validate(McpServer server, ChildSettings settings) {
    McpServerSpec spec = server.spec();
    if (spec.image().isPresent() && spec.port() == settings.gatewayPort()) {
      return Optional.of(
          "spec.port "
              + spec.port()
              + " is the port of the gateway sidecar in the same pod: choose another spec.port");
    }
    Optional<String> selector = spec.toolSelector().flatMap(LabelSelectors::problem);
    if (selector.isPresent()) {
      return selector;
    }
    List<V1Volume> volumes = spec.volumes();
    for (int i = 0; i < volumes.size(); i++) {
      if (PodVolumes.RESERVED_NAMES.contains(volumes.get(i).getName())) {
        return Optional.of(
            "spec.volumes["
                + i
                + "].name \""
                + volumes.get(i).getName()
                + "\" is reserved for the operator's volumes: rename it");
      }
    }
    Set<String> names = volumes.stream().map(V1Volume::getName).collect(Collectors.toSet());
    List<V1VolumeMount> mounts = spec.volumeMounts();
    for (int i = 0; i < mounts.size(); i++) {
      V1VolumeMount mount = mounts.get(i);
      if (!names.contains(mount.getName())) {
        return Optional.of(
            "spec.volumeMounts["
                + i
                + "].name \""
                + mount.getName()
                + "\" matches no entry of spec.volumes: add the volume or fix the name");
      }
      if (PodVolumes.RESERVED_PATHS.contains(normalize(mount.getMountPath()))) {
        return Optional.of(
            "spec.volumeMounts["
                + i
                + "].mountPath "
                + mount.getMountPath()
                + " is used by the operator for the stdio connection: choose another path");
      }
    }
    return Optional.empty();
  }

  /** The parsed server, turned {@link ParsedServer.Invalid} when {@link #validate} objects. */
  public static ParsedServer validated(ParsedServer parsed, ChildSettings settings) {
    if (parsed instanceof ParsedServer.Valid valid) {
      return validate(valid.server(), settings)
          .<ParsedServer>map(
              message -> new ParsedServer.Invalid(valid.meta(), valid.previousStatus(), message))
          .orElse(parsed);
    }
    return parsed;
  }

  private static String normalize(String path) {
    return path == null ? "" : path.replaceAll("/+$", "");
  }
}
