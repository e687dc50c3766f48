package io.mcpoperator.k8stools.mcp;

import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import io.mcpoperator.k8stools.web.ToolsRoutes;
import java.util.Optional;

/**
 * Carries the {@code X-Kubeconfig} header of an MCP HTTP request to the backend call it causes.
 *
 * <p>The MCP library's {@code McpRequest} does not expose the HTTP request's headers, and it runs
 * each backend call on a virtual thread started while the HTTP request is being handled. This
 * filter keeps the header in an inheritable thread-local for the duration of the HTTP exchange, so
 * the backend thread started by it sees the value. When the library offers the headers on {@code
 * McpRequest}, this class goes away.
 */
public final class RequestKubeconfig implements Filter {
  private static final InheritableThreadLocal<String> CURRENT = new InheritableThreadLocal<>();

  /** The header value of the HTTP request that started the current backend call, if any. */
  public static Optional<String> current() {
    return Optional.ofNullable(CURRENT.get());
  }

  @Override
  public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
    Optional<String> header = req.headers().first(ToolsRoutes.KUBECONFIG_HEADER);
    if (header.isEmpty()) {
      chain.proceed();
      return;
    }
    CURRENT.set(header.get());
    try {
      chain.proceed();
    } finally {
      CURRENT.remove();
    }
  }
}
