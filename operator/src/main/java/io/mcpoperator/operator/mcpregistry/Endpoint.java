package io.mcpoperator.operator.mcpregistry;

import io.mcpoperator.operator.api.Transport;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Where an HTTP transport listens: {@code streamable-http} or {@code sse}, port and path. */
record Endpoint(Transport transport, int port, String path, String url) {

  static Optional<Transport> transport(String type) {
    return switch (type == null ? "" : type) {
      case "streamable-http" -> Optional.of(Transport.STREAMABLE_HTTP);
      case "sse" -> Optional.of(Transport.SSE);
      default -> Optional.empty();
    };
  }

  /**
   * The endpoint of a package's HTTP transport, its URL template resolved with the package's
   * argument and env inputs (e.g. {@code http://localhost:{port}/mcp}); absent for stdio or an URL
   * that does not resolve.
   */
  static Optional<Endpoint> ofPackage(
      RegistryEntry.PackageSpec pkg, Rendering rendering, String label) {
    Optional<Transport> transport = transport(pkg.transport().type());
    if (transport.isEmpty() || pkg.transport().url() == null) {
      return Optional.empty();
    }
    Map<String, RegistryEntry.Input> scope = new HashMap<>();
    for (RegistryEntry.Argument argument : pkg.packageArguments()) {
      String key = ArgumentList.key(argument);
      if (key != null) {
        scope.put(key, asInput(argument));
      }
    }
    pkg.environmentVariables().forEach(v -> scope.put(v.name(), v));
    return rendering
        .template(pkg.transport().url(), scope, true)
        .flatMap(
            v -> v instanceof Rendering.Value.Text t ? Optional.of(t.text()) : Optional.empty())
        .flatMap(url -> parse(transport.get(), Rendering.plain(url)));
  }

  static Optional<Endpoint> parse(Transport transport, String url) {
    try {
      URI uri = new URI(url);
      if (uri.getHost() == null) {
        return Optional.empty();
      }
      int port = uri.getPort() > 0 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
      String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
      return Optional.of(new Endpoint(transport, port, path, url));
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }

  private static RegistryEntry.Input asInput(RegistryEntry.Argument argument) {
    return new RegistryEntry.Input(
        argument.name(),
        argument.description(),
        argument.isRequired(),
        argument.isSecret(),
        argument.value(),
        argument.defaultValue(),
        argument.format(),
        argument.choices(),
        argument.variables());
  }
}
