package io.mcpoperator.operator.render;

import io.mcpoperator.operator.api.McpServer;
import io.mcpoperator.operator.image.Entrypoints;
import io.mcpoperator.operator.image.ImageReference;
import io.mcpoperator.operator.image.Resolution;
import java.util.Map;
import java.util.Optional;

/**
 * One server's entrypoint in render: filled in from its image when read (exactly as the operator
 * does), else told on stderr. Left unresolved (offline, registry unreachable, refused, not found),
 * the server is rendered without it, with a warning naming the fix; an image that defines no
 * entrypoint, or a malformed reference, is an error, as it makes the operator fail the server.
 */
final class ServerEntrypoint {
  private static final String UNRESOLVED =
      "; rendered without it: the shim has no command, so the Deployment differs from the"
          + " operator's, which reads the entrypoint at run time";

  private ServerEntrypoint() {}

  /** True when the image reference parses; else reports the error naming the field. */
  static boolean checkReference(Place place, McpServer server, RenderProblems problems) {
    String reference = server.spec().imageReference().orElseThrow();
    try {
      ImageReference.parse(reference);
      return true;
    } catch (IllegalArgumentException e) {
      problems.error(
          place,
          (imageAlone(server) ? "spec.tag: " : "spec.image: ")
              + e.getMessage()
              + " (expected e.g. registry.example.com/team/server:1.0)");
      return false;
    }
  }

  /** True when spec.image alone is a valid reference: then spec.tag made it malformed. */
  private static boolean imageAlone(McpServer server) {
    try {
      ImageReference.parse(server.spec().image().orElseThrow());
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** The server to render, or empty when its entrypoint was an error (already reported). */
  static Optional<McpServer> fill(
      Place place,
      McpServer server,
      ImageEntrypoints entrypoints,
      Map<String, Resolution> resolved,
      RenderProblems problems) {
    if (!Entrypoints.needed(server.spec())) {
      return Optional.of(server);
    }
    String image = server.spec().imageReference().orElseThrow();
    if (entrypoints.offline()) {
      problems.warning(
          place,
          "entrypoint of image "
              + image
              + " left unresolved (--offline)"
              + UNRESOLVED
              + "; set spec.command to render the exact Deployment");
      return Optional.of(server);
    }
    Resolution resolution = resolved.get(image);
    if (resolution == null) {
      return Optional.empty(); // a malformed reference, reported by checkReference
    }
    return switch (resolution.reason()) {
      case RESOLVED -> Optional.of(Entrypoints.apply(server, resolution.config().orElseThrow()));
      case NO_ENTRYPOINT -> {
        problems.error(
            place, resolution.message() + ": set spec.command to the command the server runs");
        yield Optional.empty();
      }
      default -> {
        problems.warning(place, unresolved(server, resolution));
        yield Optional.of(server);
      }
    };
  }

  private static String unresolved(McpServer server, Resolution resolution) {
    String fix =
        switch (resolution.reason()) {
          case UNAUTHORIZED ->
              "give render a credential for the registry with --docker-config FILE (as docker"
                  + " login writes it)"
                  + (server.spec().imagePullSecrets().isEmpty()
                      ? ""
                      : "; render cannot read spec.imagePullSecrets, they are Secrets in the"
                          + " cluster");
          case NOT_FOUND -> "check spec.image and spec.tag";
          default -> "check that this machine can reach the registry";
        };
    return "cannot read the entrypoint of image "
        + resolution.image()
        + " ("
        + resolution.reason().camel()
        + "): "
        + resolution.message()
        + UNRESOLVED
        + "; set spec.command, or "
        + fix
        + ", or pass --offline to skip registry lookups";
  }
}
