package io.mcpoperator.operator.status;

import io.mcpoperator.operator.image.Resolution;
import java.util.Optional;

/**
 * The {@code ImageResolved} condition of a stdio server without {@code spec.command}: True once the
 * image's ENTRYPOINT/CMD was read from its registry; False with reason {@code Resolving} while it
 * is read, or {@code RegistryUnreachable}, {@code Unauthorized}, {@code NotFound}, {@code
 * NoEntrypoint} when it cannot be (the server is then Failed, and the message names the fix).
 */
final class ImageCondition {
  static final String TYPE = "ImageResolved";

  private ImageCondition() {}

  static void set(Conditions conditions, Optional<Resolution> image) {
    image.ifPresent(
        r ->
            conditions.set(
                TYPE,
                r.reason() == Resolution.Reason.RESOLVED,
                r.reason().camel(),
                r.failed() ? failure(r) : r.message()));
  }

  /** The phase message of a server whose entrypoint cannot be read. */
  static String failure(Resolution r) {
    String fix =
        switch (r.reason()) {
          case UNAUTHORIZED ->
              "add an imagePullSecret with a credential for its registry to spec.imagePullSecrets";
          case NOT_FOUND -> "check spec.image and spec.tag";
          case REGISTRY_UNREACHABLE -> "check that the operator can reach the registry";
          default -> "";
        };
    return "cannot read the entrypoint of image "
        + r.image()
        + ": "
        + r.message()
        + "; set spec.command to the command the image runs"
        + (fix.isEmpty() ? "" : ", or " + fix);
  }
}
