package io.mcpoperator.operator.mcpregistry;

import io.mcpoperator.operator.mcpregistry.Rendering.Value;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A remote entry: no container; the gateway proxies the remote's URL (streamable-http preferred
 * over sse), its {@code {variables}} resolved, its headers literal or from Secrets.
 */
final class RemoteMapping {
  private RemoteMapping() {}

  static Resolution resolve(RegistryEntry.Server server, Rendering rendering, String label) {
    Optional<RegistryEntry.Remote> chosen =
        server.remotes().stream()
            .filter(r -> Endpoint.transport(r.type()).isPresent())
            .min(Comparator.comparing(r -> "streamable-http".equals(r.type()) ? 0 : 1));
    if (chosen.isEmpty()) {
      return new Resolution.Refused(
          ResolveReason.UNSUPPORTED_PACKAGE_TYPE,
          label + ": no remote with transport streamable-http or sse");
    }
    RegistryEntry.Remote remote = chosen.get();
    Optional<Endpoint> endpoint =
        rendering
            .template(remote.url(), remote.variables(), true)
            .flatMap(v -> v instanceof Value.Text t ? Optional.of(t.text()) : Optional.empty())
            .flatMap(
                url ->
                    Endpoint.parse(Endpoint.transport(remote.type()).get(), Rendering.plain(url)));
    List<RunSpec.Header> headers = new ArrayList<>();
    for (RegistryEntry.Input header : remote.headers()) {
      rendering
          .value(header.name(), Declared.of(header))
          .ifPresent(
              v ->
                  headers.add(
                      switch (v) {
                        case Value.Text t ->
                            new RunSpec.Header(
                                header.name(),
                                Optional.of(Rendering.plain(t.text())),
                                Optional.empty());
                        case Value.Secret s ->
                            new RunSpec.Header(
                                header.name(), Optional.empty(), Optional.of(s.ref()));
                      }));
    }
    if (endpoint.isEmpty()) {
      if (!rendering.missing().isEmpty()) {
        return new Resolution.Resolved(placeholder(server, remote), List.of());
      }
      return new Resolution.Refused(
          ResolveReason.INVALID_REGISTRY_DATA,
          label + ": remote url " + remote.url() + " is not a URL");
    }
    return new Resolution.Resolved(
        new RunSpec(
            PackageType.REMOTE,
            endpoint.get().url(),
            server.version(),
            Optional.empty(),
            List.of(),
            List.of(),
            List.of(),
            endpoint.get().transport(),
            Optional.of(endpoint.get().port()),
            Optional.of(endpoint.get().path()),
            Optional.of(endpoint.get().url()),
            headers),
        List.of());
  }

  /** Stands in while required inputs are missing; the caller refuses with their names. */
  private static RunSpec placeholder(RegistryEntry.Server server, RegistryEntry.Remote remote) {
    return new RunSpec(
        PackageType.REMOTE,
        remote.url(),
        server.version(),
        Optional.empty(),
        List.of(),
        List.of(),
        List.of(),
        Endpoint.transport(remote.type()).get(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        List.of());
  }
}
