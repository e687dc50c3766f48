package io.mcpoperator.operator.image;

import java.util.Optional;

/**
 * Where reading an image's entrypoint stands, for the {@code ImageResolved} condition.
 *
 * @param reason what happened
 * @param image the image reference as written in the spec
 * @param message what happened, for the user
 * @param config the image's config when {@link Reason#RESOLVED}
 */
public record Resolution(
    Reason reason, String image, String message, Optional<ImageConfig> config) {

  /** The reasons of the {@code ImageResolved} condition. */
  public enum Reason {
    RESOLVED("Resolved"),
    RESOLVING("Resolving"),
    REGISTRY_UNREACHABLE("RegistryUnreachable"),
    UNAUTHORIZED("Unauthorized"),
    NOT_FOUND("NotFound"),
    NO_ENTRYPOINT("NoEntrypoint");

    private final String camel;

    Reason(String camel) {
      this.camel = camel;
    }

    /** The condition reason. */
    public String camel() {
      return camel;
    }
  }

  public static Resolution resolved(String image, ImageConfig config) {
    return new Resolution(
        Reason.RESOLVED,
        image,
        "read the entrypoint of " + image + " (" + config.digest() + ") from its registry",
        Optional.of(config));
  }

  public static Resolution resolving(String image) {
    return new Resolution(
        Reason.RESOLVING,
        image,
        "reading the entrypoint of " + image + " from its registry",
        Optional.empty());
  }

  public static Resolution failed(Reason reason, String image, String message) {
    return new Resolution(reason, image, message, Optional.empty());
  }

  /** True when the entrypoint could not be read (the server is Failed until that changes). */
  public boolean failed() {
    return reason != Reason.RESOLVED && reason != Reason.RESOLVING;
  }
}
