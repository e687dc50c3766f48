package io.mcpoperator.operator.image;

import java.util.List;
import java.util.Optional;

/**
 * Reads one image's entrypoint from its registry, synchronously: the step {@link ImageConfigs} runs
 * in the background for the operator, and {@code render} runs directly. Never throws: a failure is
 * a {@link Resolution} whose message says what happened.
 */
public final class EntrypointLookup {
  private final RegistryClient registry;

  public EntrypointLookup(RegistryClient registry) {
    this.registry = registry;
  }

  /** The entrypoint of {@code image}, read with the first credential that names its registry. */
  public Resolution read(String image, RegistryCredentials credentials) {
    ImageReference reference;
    try {
      reference = ImageReference.parse(image);
    } catch (IllegalArgumentException e) {
      return Resolution.failed(Resolution.Reason.NOT_FOUND, image, e.getMessage());
    }
    Optional<Credential> credential =
        credentials.configs().stream()
            .map(c -> DockerConfig.find(c, reference.registry()))
            .flatMap(Optional::stream)
            .findFirst();
    try {
      ImageConfig config = registry.fetch(reference, credential, credentials.source());
      if (config.commandLine(List.of()).isEmpty()) {
        return Resolution.failed(
            Resolution.Reason.NO_ENTRYPOINT,
            image,
            "image " + image + " defines neither ENTRYPOINT nor CMD");
      }
      return Resolution.resolved(image, config);
    } catch (RegistryException e) {
      String problems =
          credentials.problems().isEmpty()
              ? ""
              : " (" + String.join("; ", credentials.problems()) + ")";
      return Resolution.failed(e.reason(), image, e.getMessage() + problems);
    }
  }
}
