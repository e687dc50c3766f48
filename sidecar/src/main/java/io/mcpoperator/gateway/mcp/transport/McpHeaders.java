package io.mcpoperator.gateway.mcp.transport;

import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import java.util.Optional;

/** Header names of the MCP HTTP transports, and tolerant readers for them. */
public final class McpHeaders {
  public static final HeaderName SESSION_ID = HeaderNames.create("Mcp-Session-Id");
  public static final HeaderName PROTOCOL_VERSION = HeaderNames.create("MCP-Protocol-Version");
  public static final HeaderName LAST_EVENT_ID = HeaderNames.create("Last-Event-ID");
  public static final HeaderName ORIGIN = HeaderNames.create("Origin");

  private McpHeaders() {}

  /** The first value of {@code name}, trimmed; empty when absent or blank. */
  public static Optional<String> value(ServerRequest request, HeaderName name) {
    return request.headers().first(name).map(String::trim).filter(v -> !v.isEmpty());
  }

  /** True when the Accept header lists {@code type} (or a wildcard covering it). */
  public static boolean accepts(ServerRequest request, String type) {
    String slashWildcard = type.substring(0, type.indexOf('/')) + "/*";
    for (String value : request.headers().values(HeaderNames.ACCEPT)) {
      for (String part : value.split(",")) {
        String media = part.split(";", 2)[0].trim().toLowerCase(java.util.Locale.ROOT);
        if (media.equals(type) || media.equals(slashWildcard) || media.equals("*/*")) {
          return true;
        }
      }
    }
    return false;
  }

  /** True when the Content-Type is {@code type}, ignoring parameters such as charset. */
  public static boolean contentTypeIs(ServerRequest request, String type) {
    return value(request, HeaderNames.CONTENT_TYPE)
        .map(v -> v.split(";", 2)[0].trim().equalsIgnoreCase(type))
        .orElse(false);
  }
}
