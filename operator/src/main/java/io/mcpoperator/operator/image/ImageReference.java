package io.mcpoperator.operator.image;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An image reference split the way a container runtime reads it: {@code mcp/time} is {@code
 * docker.io/library/...}-style shorthand for {@code docker.io/mcp/time:latest}; a first component
 * with a dot or a port, or {@code localhost}, names the registry.
 *
 * @param registry the registry host (and port), {@code docker.io} for Docker Hub
 * @param repository the repository inside it, e.g. {@code library/alpine}
 * @param tag the tag, when no digest is given ({@code latest} by default)
 * @param digest the manifest digest, e.g. {@code sha256:…}
 */
public record ImageReference(
    String registry, String repository, Optional<String> tag, Optional<String> digest) {

  /** The name Docker Hub is known by in references and in docker config files. */
  public static final String DOCKER_HUB = "docker.io";

  private static final Pattern COMPONENT = Pattern.compile("[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*");
  private static final Pattern TAG = Pattern.compile("[\\w][\\w.-]{0,127}");
  private static final Pattern DIGEST =
      Pattern.compile("[a-z0-9]+(?:[+._-][a-z0-9]+)*:[a-fA-F0-9]{32,}");
  private static final Pattern HOST =
      Pattern.compile("[A-Za-z0-9.-]+(?::[0-9]{1,5})?|\\[[0-9a-fA-F:]+\\](?::[0-9]{1,5})?");

  /** Parses a reference; throws {@link IllegalArgumentException} saying what is wrong. */
  public static ImageReference parse(String reference) {
    if (reference == null
        || reference.isEmpty()
        || reference.chars().anyMatch(Character::isWhitespace)) {
      throw new IllegalArgumentException(
          "image reference \"" + reference + "\" is empty or has spaces");
    }
    String rest = reference;
    Optional<String> digest = Optional.empty();
    int at = rest.indexOf('@');
    if (at >= 0) {
      digest = Optional.of(rest.substring(at + 1));
      rest = rest.substring(0, at);
      if (!DIGEST.matcher(digest.get()).matches()) {
        throw new IllegalArgumentException(
            "image reference \"" + reference + "\" has a malformed digest (expected sha256:<hex>)");
      }
    }
    Optional<String> tag = Optional.empty();
    int colon = rest.lastIndexOf(':');
    if (colon > rest.lastIndexOf('/')) {
      tag = Optional.of(rest.substring(colon + 1));
      rest = rest.substring(0, colon);
      if (!TAG.matcher(tag.get()).matches()) {
        throw new IllegalArgumentException(
            "image reference \"" + reference + "\" has a malformed tag \"" + tag.get() + "\"");
      }
    }
    String registry = DOCKER_HUB;
    int slash = rest.indexOf('/');
    if (slash > 0) {
      String first = rest.substring(0, slash);
      if (first.contains(".")
          || first.contains(":")
          || first.equals("localhost")
          || first.startsWith("[")) {
        if (!HOST.matcher(first).matches()) {
          throw new IllegalArgumentException(
              "image reference \"" + reference + "\" has a malformed registry \"" + first + "\"");
        }
        registry = first;
        rest = rest.substring(slash + 1);
      }
    }
    if (registry.equals("index.docker.io") || registry.equals("registry-1.docker.io")) {
      registry = DOCKER_HUB;
    }
    for (String component : rest.split("/", -1)) {
      if (!COMPONENT.matcher(component).matches()) {
        throw new IllegalArgumentException(
            "image reference \""
                + reference
                + "\" has a malformed repository \""
                + rest
                + "\" (lowercase letters, digits and . _ - separated by /)");
      }
    }
    if (registry.equals(DOCKER_HUB) && !rest.contains("/")) {
      rest = "library/" + rest;
    }
    if (tag.isEmpty() && digest.isEmpty()) {
      tag = Optional.of("latest");
    }
    return new ImageReference(registry, rest, digest.isPresent() ? Optional.empty() : tag, digest);
  }

  /** The tag or digest, as the manifests endpoint takes it. */
  public String reference() {
    return digest.orElseGet(tag::orElseThrow);
  }

  /** The host the registry API is served from ({@code registry-1.docker.io} for Docker Hub). */
  public String apiHost() {
    return registry.equals(DOCKER_HUB) ? "registry-1.docker.io" : registry;
  }

  /** True for a registry on this machine, reached over plain HTTP as container runtimes do. */
  public boolean loopback() {
    String host = registry.replaceFirst(":[0-9]+$", "");
    return host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]");
  }

  @Override
  public String toString() {
    return registry
        + "/"
        + repository
        + digest.map(d -> "@" + d).orElseGet(() -> ":" + tag.orElseThrow());
  }
}
