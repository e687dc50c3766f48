package io.mcpoperator.k8stools.web;

import io.helidon.http.DirectHandler;
import io.helidon.http.HeaderNames;
import io.helidon.http.ServerResponseHeaders;
import io.helidon.http.Status;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * The answer to a body over the server's size cap, which the web server gives before any route
 * runs: a JSON body in the shape of the endpoint (a tool result for REST, a JSON-RPC error for MCP)
 * instead of an empty 413. Helidon reports a body over the cap as a {@code BAD_REQUEST} event with
 * status 413 (a declared length) or as {@code PAYLOAD_TOO_LARGE}; other events keep Helidon's
 * answer.
 */
public final class TooLargeReply implements DirectHandler {
  private final long maxBytes;

  public TooLargeReply(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  @Override
  public TransportResponse handle(
      TransportRequest request,
      EventType eventType,
      Status status,
      ServerResponseHeaders headers,
      String message) {
    if (status.code() != Status.REQUEST_ENTITY_TOO_LARGE_413.code()
        && eventType != EventType.PAYLOAD_TOO_LARGE) {
      return DirectHandler.defaultHandler().handle(request, eventType, status, headers, message);
    }
    String text = "request body is larger than the server's limit of " + maxBytes + " bytes";
    return TransportResponse.builder()
        .status(Status.REQUEST_ENTITY_TOO_LARGE_413)
        .headers(headers)
        .header(HeaderNames.CONTENT_TYPE, "application/json")
        .keepAlive(false)
        .entity(body(request.path(), text).toString())
        .build();
  }

  static JsonObject body(String path, String message) {
    if (path.startsWith("/tools")) {
      return ToolsRoutes.invalid(message);
    }
    if (!path.startsWith("/mcp") && !path.startsWith("/sse") && !path.startsWith("/messages")) {
      return Json.createObjectBuilder().add("error", message).build();
    }
    return Json.createObjectBuilder()
        .add("jsonrpc", "2.0")
        .add("id", JsonValue.NULL)
        .add("error", Json.createObjectBuilder().add("code", -32600).add("message", message))
        .build();
  }
}
