package io.mcpoperator.gateway.mcp.transport;

import io.helidon.http.Header;
import io.helidon.webserver.http.ServerRequest;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The headers of the HTTP request that carried MCP messages, copied when it arrived (a backend may
 * still run after the POST was answered, on the legacy transport).
 *
 * @param values header values by lower-case name, repeated fields joined with commas
 */
record RequestHeaders(Map<String, String> values) {
  RequestHeaders {
    values = Map.copyOf(values);
  }

  static RequestHeaders of(ServerRequest req) {
    var values = new HashMap<String, String>();
    for (Header header : req.headers()) {
      values.merge(key(header.name()), header.values(), (a, b) -> a + "," + b);
    }
    return new RequestHeaders(values);
  }

  Optional<String> value(String name) {
    return Optional.ofNullable(values.get(key(name)));
  }

  private static String key(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
