package io.mcpoperator.operator.mcpregistry;

import io.kubernetes.client.openapi.models.V1EnvVar;
import io.mcpoperator.operator.api.Transport;
import io.mcpoperator.operator.mcpregistry.RegistryEntry.PackageSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Maps a registry entry to what runs (research §4.3): the first package of the preferred types (or
 * a remote), its inputs resolved against the user's. Pure: no client, clock or I/O.
 */
public final class EntryMapping {
  static final String NPM_REGISTRY = "https://registry.npmjs.org";
  static final String PYPI_REGISTRY = "https://pypi.org";

  private final RuntimeImages images;

  public EntryMapping(RuntimeImages images) {
    this.images = images;
  }

  /** The run spec of {@code entry} taking types in {@code preference} order, or why not. */
  public Resolution resolve(RegistryEntry entry, List<PackageType> preference, Inputs inputs) {
    RegistryEntry.Server server = entry.server();
    String label = "server \"" + server.name() + "\" version " + server.version();
    if ("deleted".equals(entry.status())) {
      return new Resolution.Refused(
          ResolveReason.SERVER_DELETED,
          label
              + " is deleted in the registry"
              + entry.statusMessage().map(m -> ": " + m).orElse(""));
    }
    Rendering rendering = new Rendering(inputs);
    Optional<Resolution> chosen = Optional.empty();
    for (PackageType type : preference) {
      chosen = attempt(type, server, rendering, label);
      if (chosen.isPresent()) {
        break;
      }
    }
    if (chosen.isEmpty()) {
      return new Resolution.Refused(
          ResolveReason.UNSUPPORTED_PACKAGE_TYPE, unsupported(server, preference));
    }
    if (chosen.get() instanceof Resolution.Refused refused) {
      return refused;
    }
    if (!rendering.givenInClear().isEmpty()) {
      return new Resolution.Refused(
          ResolveReason.MISSING_REQUIRED_INPUT,
          "inputs "
              + String.join(", ", rendering.givenInClear())
              + " are secret: give them as secretKeyRef in spec.registry.inputs, not as value");
    }
    if (!rendering.missing().isEmpty()) {
      return new Resolution.Refused(
          ResolveReason.MISSING_REQUIRED_INPUT,
          label
              + " needs "
              + String.join(", ", rendering.missing())
              + ": set them in spec.registry.inputs, or (secrets) as keys of the Secret in"
              + " spec.registry.secretRef");
    }
    List<Resolution.Warning> warnings = new ArrayList<>();
    if ("deprecated".equals(entry.status())) {
      warnings.add(
          new Resolution.Warning(
              ResolveReason.SERVER_DEPRECATED.word(),
              label + " is deprecated" + entry.statusMessage().map(m -> ": " + m).orElse("")));
    }
    warnings.addAll(rendering.warnings());
    return new Resolution.Resolved(((Resolution.Resolved) chosen.get()).spec(), warnings);
  }

  private Optional<Resolution> attempt(
      PackageType type, RegistryEntry.Server server, Rendering rendering, String label) {
    if (type == PackageType.REMOTE) {
      return server.remotes().isEmpty()
          ? Optional.empty()
          : Optional.of(RemoteMapping.resolve(server, rendering, label));
    }
    return server.packages().stream()
        .filter(p -> type.word().equals(p.registryType()))
        .findFirst()
        .map(p -> container(type, p, server, rendering, label));
  }

  private Resolution container(
      PackageType type,
      PackageSpec pkg,
      RegistryEntry.Server server,
      Rendering rendering,
      String label) {
    if (pkg.identifier() == null || pkg.identifier().isBlank()) {
      return invalid(label + ": " + type.word() + " package without identifier");
    }
    Optional<String> version = Optional.ofNullable(pkg.version()).filter(v -> !v.isBlank());
    List<String> command;
    String image;
    List<V1EnvVar> env = new ArrayList<>();
    switch (type) {
      case OCI -> {
        Optional<String> reference = ociReference(pkg.identifier(), version);
        if (reference.isEmpty()) {
          return invalid(
              label
                  + ": oci identifier "
                  + pkg.identifier()
                  + " has no tag or digest and the package no version");
        }
        image = reference.get();
        command = List.of();
        env.addAll(
            DockerRuntimeArguments.env(
                pkg.runtimeArguments(), repository(pkg.identifier()), rendering));
      }
      case NPM -> {
        if (version.isEmpty()) {
          return invalid(label + ": npm package " + pkg.identifier() + " without version");
        }
        image = images.node();
        command =
            concat(
                List.of("npx", "-y"),
                ArgumentList.render(pkg.runtimeArguments(), rendering),
                List.of(pkg.identifier() + "@" + version.get()));
        registryEnv(pkg, NPM_REGISTRY, "NPM_CONFIG_REGISTRY").ifPresent(env::add);
      }
      case PYPI -> {
        if (version.isEmpty()) {
          return invalid(label + ": pypi package " + pkg.identifier() + " without version");
        }
        image = images.uv();
        command =
            concat(
                List.of("uvx"),
                ArgumentList.render(pkg.runtimeArguments(), rendering),
                List.of(pkg.identifier() + "==" + version.get()));
        registryEnv(pkg, PYPI_REGISTRY, "UV_INDEX_URL").ifPresent(env::add);
      }
      default -> throw new IllegalArgumentException(type.word());
    }
    List<String> args = ArgumentList.render(pkg.packageArguments(), rendering);
    for (RegistryEntry.Input variable : pkg.environmentVariables()) {
      rendering
          .value(variable.name(), Declared.of(variable))
          .ifPresent(v -> env.add(Rendering.env(variable.name(), v)));
    }
    Optional<Endpoint> endpoint = Endpoint.ofPackage(pkg, rendering, label);
    if (endpoint.isEmpty()
        && !"stdio".equals(pkg.transport().type())
        && rendering.missing().isEmpty()) {
      return invalid(
          label
              + ": package transport "
              + pkg.transport().type()
              + " is not stdio, streamable-http or sse, or its url "
              + pkg.transport().url()
              + " does not resolve");
    }
    List<V1EnvVar> allEnv = new ArrayList<>(rendering.secretEnv());
    allEnv.addAll(env);
    RunSpec spec =
        new RunSpec(
            type,
            pkg.identifier(),
            version.orElse(server.version()),
            Optional.of(image),
            command,
            args,
            allEnv,
            endpoint.map(Endpoint::transport).orElse(Transport.STDIO),
            endpoint.map(Endpoint::port),
            endpoint.map(Endpoint::path),
            Optional.empty(),
            List.of());
    return new Resolution.Resolved(spec, List.of());
  }

  static Optional<String> ociReference(String identifier, Optional<String> version) {
    if (identifier.contains("@")
        || identifier.substring(identifier.lastIndexOf('/') + 1).contains(":")) {
      return Optional.of(identifier);
    }
    return version.map(v -> identifier + ":" + v);
  }

  private static String repository(String identifier) {
    int at = identifier.indexOf('@');
    String base = at < 0 ? identifier : identifier.substring(0, at);
    int slash = base.lastIndexOf('/');
    int colon = base.lastIndexOf(':');
    return colon > slash ? base.substring(0, colon) : base;
  }

  private static Optional<V1EnvVar> registryEnv(PackageSpec pkg, String standard, String name) {
    return Optional.ofNullable(pkg.registryBaseUrl())
        .filter(url -> !url.isBlank() && !url.replaceAll("/+$", "").equals(standard))
        .map(url -> new V1EnvVar().name(name).value(url));
  }

  private static Resolution invalid(String message) {
    return new Resolution.Refused(ResolveReason.INVALID_REGISTRY_DATA, message);
  }

  @SafeVarargs
  private static List<String> concat(List<String>... parts) {
    return Stream.of(parts).flatMap(List::stream).toList();
  }

  private static String unsupported(RegistryEntry.Server server, List<PackageType> preference) {
    List<String> offered =
        new ArrayList<>(
            server.packages().stream().map(PackageSpec::registryType).distinct().toList());
    if (!server.remotes().isEmpty()) {
      offered.add("remote");
    }
    return "server \""
        + server.name()
        + "\" offers "
        + (offered.isEmpty() ? "nothing runnable" : offered)
        + "; supported and preferred here: "
        + preference.stream().map(PackageType::word).collect(Collectors.joining(","));
  }
}
