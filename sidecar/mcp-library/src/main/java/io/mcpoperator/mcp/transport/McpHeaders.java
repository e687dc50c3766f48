package io.mcpoperator.mcp.transport;

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
    return accepts(request.headers().values(HeaderNames.ACCEPT), type);
  }

  /** True when one of the {@code Accept} field values admits {@code type}. */
  static boolean accepts(Iterable<String> acceptValues, String type) {
    int slash = type.indexOf('/');
    for (String value : acceptValues) {
      // media ranges separated by commas, each maybe with ;parameters — scanned without splitting
      int start = 0;
      while (start <= value.length()) {
        int comma = value.indexOf(',', start);
        int end = comma < 0 ? value.length() : comma;
        int semi = value.indexOf(';', start);
        int mediaEnd = semi >= 0 && semi < end ? semi : end;
        int from = start;
        while (from < mediaEnd && Character.isWhitespace(value.charAt(from))) {
          from++;
        }
        int to = mediaEnd;
        while (to > from && Character.isWhitespace(value.charAt(to - 1))) {
          to--;
        }
        if (matches(value, from, to, type, 0, type.length())
            || (to - from == slash + 2
                && value.regionMatches(true, from, type, 0, slash + 1)
                && value.charAt(to - 1) == '*')
            || matches(value, from, to, "*/*", 0, 3)) {
          return true;
        }
        if (comma < 0) {
          break;
        }
        start = comma + 1;
      }
    }
    return false;
  }

  private static boolean matches(
      String value, int from, int to, String other, int otherFrom, int otherTo) {
    return to - from == otherTo - otherFrom
        && value.regionMatches(true, from, other, otherFrom, to - from);
  }

  /** True when the Content-Type is {@code type}, ignoring parameters such as charset. */
  public static boolean contentTypeIs(ServerRequest request, String type) {
    return value(request, HeaderNames.CONTENT_TYPE)
        .map(v -> v.split(";", 2)[0].trim().equalsIgnoreCase(type))
        .orElse(false);
  }
}
