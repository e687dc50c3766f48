package io.mcpoperator.operator.api;

import java.util.Optional;

/**
 * A port and path of a Service ({@code spec.service} of an MCPTool, {@code
 * spec.operations[].service} of an MCPResource).
 *
 * @param namespace the Service's namespace; the referring object's namespace when empty
 * @param name the Service's name
 * @param port the Service port (not the target port)
 * @param path the HTTP path on the Service, starting with {@code /}
 */
public record ServiceRef(Optional<String> namespace, String name, int port, String path) {

  /** The Service's namespace, for an object in {@code own}. */
  public String namespaceFor(String own) {
    return namespace.orElse(own);
  }

  /** {@code http://<name>.<namespace>.svc.cluster.local:<port>}, without a path. */
  public String baseUrl(String own) {
    return "http://%s.%s.svc.cluster.local:%d".formatted(name, namespaceFor(own), port);
  }

  static ServiceRef read(JsonFields service) {
    String path = service.string("path").orElse("/");
    if (!path.startsWith("/") || path.chars().anyMatch(Character::isWhitespace)) {
      throw service.invalid(
          "path", "must be an absolute URL path such as /api; got \"" + path + "\"");
    }
    return new ServiceRef(
        service.string("namespace"),
        service.required("name", "name the Service that implements it"),
        (int) service.integer("port", 80, 1, 65535),
        path);
  }
}
