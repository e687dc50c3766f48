package io.mcpoperator.mcp.transport;

import io.helidon.http.HeaderNames;
import io.helidon.http.Headers;
import io.helidon.webserver.http.ServerRequest;
import java.util.Optional;

/**
 * The headers of the HTTP request that carried MCP messages. Helidon makes a new, unchanging
 * headers object for every request, so keeping a reference is enough for a backend that still runs
 * after the POST was answered (legacy transport) — no copy on the hot path.
 *
 * @param headers the request's headers
 */
record RequestHeaders(Headers headers) {

  static RequestHeaders of(ServerRequest req) {
    return new RequestHeaders(req.headers());
  }

  /** The value of {@code name} (any case); repeated fields joined with commas. */
  Optional<String> value(String name) {
    var header = HeaderNames.create(name);
    if (!headers.contains(header)) {
      return Optional.empty();
    }
    return Optional.of(String.join(",", headers.get(header).allValues()));
  }
}
