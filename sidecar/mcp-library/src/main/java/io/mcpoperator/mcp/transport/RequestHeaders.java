package io.mcpoperator.mcp.transport;

import io.helidon.common.context.Context;
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
 * @param context the request's context (values filters registered, e.g. the caller)
 */
record RequestHeaders(Headers headers, Optional<Context> context) {

  RequestHeaders(Headers headers) {
    this(headers, Optional.empty());
  }

  static RequestHeaders of(ServerRequest req) {
    return new RequestHeaders(req.headers(), Optional.of(req.context()));
  }

  /** A value registered in the request's context, by type. */
  <T> Optional<T> attribute(Class<T> type) {
    return context.flatMap(c -> c.get(type));
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
