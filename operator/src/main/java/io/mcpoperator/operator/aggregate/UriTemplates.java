package io.mcpoperator.operator.aggregate;

import io.mcpoperator.operator.api.McpResource;
import io.mcpoperator.operator.api.PathTemplate;
import java.util.stream.Collectors;

/**
 * How an MCPResource operation appears to MCP clients and to the gateway.
 *
 * <ul>
 *   <li>URI template (RFC 6570): {@code resource://<spec.name><ingressPath>}, each {@code {param}}
 *       written with its variable name, followed by {@code {?q,h}} for the query and header
 *       parameters (clients pass header parameters as query parameters of the resource URI). E.g.
 *       {@code resource://customers/customers/{id}{?verbose,X_Tenant}}.
 *   <li>URL: {@code http://<svc>.<ns>.svc.cluster.local:<port>} followed by {@code service.path},
 *       or by {@code ingressPath} when {@code service.path} is {@code /} (its default), with the
 *       same variable placeholders.
 * </ul>
 */
public final class UriTemplates {
  /** The scheme of every operation's URI template. */
  public static final String SCHEME = "resource://";

  private UriTemplates() {}

  public static String uriTemplate(String resourceName, McpResource.Operation operation) {
    String query =
        operation.parameters().stream()
            .filter(p -> !"path".equals(p.in()))
            .map(p -> PathTemplate.variable(p.name()))
            .collect(Collectors.joining(","));
    return SCHEME
        + resourceName
        + PathTemplate.rename(operation.ingressPath(), PathTemplate::variable)
        + (query.isEmpty() ? "" : "{?" + query + "}");
  }

  public static String url(String namespace, McpResource.Operation operation) {
    String path =
        "/".equals(operation.service().path())
            ? operation.ingressPath()
            : operation.service().path();
    return operation.service().baseUrl(namespace)
        + PathTemplate.rename(path, PathTemplate::variable);
  }
}
