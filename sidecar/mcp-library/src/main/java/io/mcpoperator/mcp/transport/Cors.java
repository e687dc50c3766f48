package io.mcpoperator.mcp.transport;

import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * CORS for browser clients from the allowed origins ({@link OriginPolicy}): preflight {@code
 * OPTIONS} answered with the methods and MCP headers a client sends, and every answer to an allowed
 * cross-origin request names its origin and exposes {@code Mcp-Session-Id}, {@code
 * MCP-Protocol-Version} and {@code WWW-Authenticate} (a step-up challenge), which a browser client
 * must read.
 */
final class Cors {
  static final String METHODS = "GET, POST, DELETE";
  private static final Set<String> HEADERS =
      Set.of(
          "content-type",
          "accept",
          "authorization",
          "last-event-id",
          "mcp-session-id",
          "mcp-protocol-version",
          "mcp-method",
          "mcp-name");
  private static final HeaderName REQUEST_HEADERS =
      HeaderNames.create("Access-Control-Request-Headers");
  private static final HeaderName REQUEST_METHOD =
      HeaderNames.create("Access-Control-Request-Method");
  private static final HeaderName ALLOW_ORIGIN = HeaderNames.create("Access-Control-Allow-Origin");
  private static final HeaderName ALLOW_METHODS =
      HeaderNames.create("Access-Control-Allow-Methods");
  private static final HeaderName ALLOW_HEADERS =
      HeaderNames.create("Access-Control-Allow-Headers");
  private static final HeaderName EXPOSE_HEADERS =
      HeaderNames.create("Access-Control-Expose-Headers");
  private static final HeaderName MAX_AGE = HeaderNames.create("Access-Control-Max-Age");

  private Cors() {}

  /** Names the allowed origin of a cross-origin request on its answer. */
  static void allow(ServerRequest req, ServerResponse res, OriginPolicy origins) {
    Optional<String> origin = McpHeaders.value(req, McpHeaders.ORIGIN);
    if (origin.isPresent() && origins.permits(origin)) {
      res.header(ALLOW_ORIGIN, origin.get());
      res.header(HeaderNames.VARY, "Origin");
      res.header(EXPOSE_HEADERS, "Mcp-Session-Id, MCP-Protocol-Version, WWW-Authenticate");
    }
  }

  /**
   * {@code OPTIONS}: a preflight from an allowed origin gets 204 with what it may send; from
   * another origin 403; without Origin (not CORS) 204 with {@code Allow}.
   */
  static void preflight(
      ServerRequest req, ServerResponse res, SessionGate gate, OriginPolicy origins) {
    Optional<String> origin = McpHeaders.value(req, McpHeaders.ORIGIN);
    if (origin.isEmpty()) {
      res.header(HeaderNames.ALLOW, METHODS + ", OPTIONS");
      res.status(Status.NO_CONTENT_204);
      res.send();
      return;
    }
    if (!gate.originAllowed(req, res)) {
      return;
    }
    String method =
        McpHeaders.value(req, REQUEST_METHOD).orElse("POST").strip().toUpperCase(Locale.ROOT);
    if (!Set.of("GET", "POST", "DELETE").contains(method)) {
      res.header(HeaderNames.ALLOW, METHODS + ", OPTIONS");
      gate.reject(
          req,
          res,
          Status.METHOD_NOT_ALLOWED_405,
          io.mcpoperator.mcp.jsonrpc.JsonRpcError.INVALID_REQUEST,
          "Method Not Allowed: " + method);
      return;
    }
    Set<String> headers = new LinkedHashSet<>();
    McpHeaders.value(req, REQUEST_HEADERS)
        .map(h -> Arrays.stream(h.split(",")).map(String::strip).filter(s -> !s.isEmpty()))
        .ifPresent(
            s ->
                s.filter(
                        h -> {
                          String lower = h.toLowerCase(Locale.ROOT);
                          return HEADERS.contains(lower) || lower.startsWith("mcp-param-");
                        })
                    .forEach(headers::add));
    res.header(ALLOW_ORIGIN, origin.get());
    res.header(HeaderNames.VARY, "Origin");
    res.header(ALLOW_METHODS, METHODS);
    res.header(
        ALLOW_HEADERS,
        headers.isEmpty()
            ? "Content-Type, Accept, Mcp-Session-Id, MCP-Protocol-Version"
            : headers.stream().collect(Collectors.joining(", ")));
    res.header(MAX_AGE, "600");
    res.status(Status.NO_CONTENT_204);
    res.send();
  }
}
