package io.mcpoperator.operator.render;

import io.mcpoperator.operator.image.EntrypointLookup;
import io.mcpoperator.operator.image.RegistryCredentials;
import io.mcpoperator.operator.image.Resolution;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Where render reads the entrypoints of stdio images without {@code spec.command}: nowhere ({@code
 * --offline}), or their registries through the operator's own {@link EntrypointLookup}, each
 * distinct image once, all at the same time (one virtual thread each; every request bounded by the
 * registry client's timeouts).
 */
final class ImageEntrypoints {
  private final Optional<EntrypointLookup> lookup;
  private final RegistryCredentials credentials;

  private ImageEntrypoints(Optional<EntrypointLookup> lookup, RegistryCredentials credentials) {
    this.lookup = lookup;
    this.credentials = credentials;
  }

  /** No registry is contacted ({@code --offline}). */
  static ImageEntrypoints unread() {
    return new ImageEntrypoints(Optional.empty(), RegistryCredentials.none("--offline"));
  }

  /** Reads from the registries with {@code credentials}. */
  static ImageEntrypoints online(EntrypointLookup lookup, RegistryCredentials credentials) {
    return new ImageEntrypoints(Optional.of(lookup), credentials);
  }

  /** True with {@code --offline}. */
  boolean offline() {
    return lookup.isEmpty();
  }

  /** The answer for each image; none when offline. */
  Map<String, Resolution> read(Collection<String> images) {
    if (lookup.isEmpty() || images.isEmpty()) {
      return Map.of();
    }
    Map<String, Future<Resolution>> pending = new LinkedHashMap<>();
    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      for (String image : images) {
        pending.computeIfAbsent(
            image, i -> threads.submit(() -> lookup.get().read(i, credentials)));
      }
      Map<String, Resolution> answers = new LinkedHashMap<>();
      pending.forEach((image, answer) -> answers.put(image, await(image, answer)));
      return answers;
    }
  }

  private static Resolution await(String image, Future<Resolution> answer) {
    try {
      return answer.get();
    } catch (ExecutionException e) {
      return Resolution.failed(
          Resolution.Reason.REGISTRY_UNREACHABLE, image, "reading it failed: " + e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Resolution.failed(
          Resolution.Reason.REGISTRY_UNREACHABLE, image, "interrupted while reading it");
    }
  }
}
