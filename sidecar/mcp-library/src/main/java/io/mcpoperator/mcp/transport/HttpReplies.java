package io.mcpoperator.mcp.transport;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerResponse;
import io.mcpoperator.mcp.jsonrpc.JsonRpcCodec;
import io.mcpoperator.mcp.jsonrpc.JsonRpcError;
import io.mcpoperator.mcp.jsonrpc.JsonRpcMessage;
import io.mcpoperator.mcp.jsonrpc.JsonRpcMessage.Failure;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;

/** Writes the plain (non-streaming) HTTP answers of the transports. */
public final class HttpReplies {
  private HttpReplies() {}

  /** An HTTP error with a JSON-RPC error body without id, as the MCP transports describe. */
  public static void error(ServerResponse res, Status status, int code, String message) {
    json(
        res,
        status,
        JsonRpcCodec.encode(new Failure(JsonValue.NULL, JsonRpcError.of(code, message))));
  }

  /** An HTTP error with a JSON-RPC error body (code, message, data) without id. */
  public static void error(ServerResponse res, Status status, JsonRpcError error) {
    json(res, status, JsonRpcCodec.encode(new Failure(JsonValue.NULL, error)));
  }

  /** A JSON body. */
  public static void json(ServerResponse res, Status status, String body) {
    res.status(status);
    res.header(HeaderNames.CONTENT_TYPE, "application/json");
    res.send(body.getBytes(StandardCharsets.UTF_8));
  }

  /** One JSON-RPC message as a 200 JSON body. */
  public static void message(ServerResponse res, JsonRpcMessage message) {
    message(res, Status.OK_200, message);
  }

  /** One JSON-RPC message as a JSON body with {@code status}. */
  public static void message(ServerResponse res, Status status, JsonRpcMessage message) {
    json(res, status, JsonRpcCodec.encode(message));
  }

  /** 202 Accepted without body. */
  public static void accepted(ServerResponse res) {
    res.status(Status.ACCEPTED_202);
    res.send();
  }
}
