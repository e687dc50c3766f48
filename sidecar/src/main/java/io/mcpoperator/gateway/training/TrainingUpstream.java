package io.mcpoperator.gateway.training;

import io.mcpoperator.mcp.jsonrpc.DecodedBody;
import io.mcpoperator.mcp.jsonrpc.Json;
import io.mcpoperator.mcp.jsonrpc.JsonRpcCodec;
import io.mcpoperator.mcp.jsonrpc.JsonRpcError;
import io.mcpoperator.mcp.jsonrpc.JsonRpcMessage;
import io.mcpoperator.mcp.jsonrpc.JsonRpcMessage.Failure;
import io.mcpoperator.mcp.jsonrpc.JsonRpcMessage.Notification;
import io.mcpoperator.mcp.jsonrpc.JsonRpcMessage.Request;
import io.mcpoperator.mcp.jsonrpc.JsonRpcMessage.Result;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The stdio MCP server the training run puts behind the gateway: one tool, {@code echo}, which
 * reports progress first when the caller asked for it (so the gateway answers on SSE).
 */
public final class TrainingUpstream {
  private TrainingUpstream() {}

  public static void main(String[] args) throws IOException {
    var in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    var out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
    String line;
    while ((line = in.readLine()) != null) {
      for (var entry : JsonRpcCodec.decode(line).entries()) {
        if (entry instanceof DecodedBody.Valid(Request request)) {
          progress(request).ifPresent(p -> send(out, p));
          send(out, answer(request));
        }
      }
    }
  }

  /** The answer to one request. */
  static JsonRpcMessage answer(Request request) {
    JsonObject params = request.params();
    return switch (request.method()) {
      case "initialize" ->
          new Result(
              request.id(),
              Json.object()
                  .add(
                      "protocolVersion",
                      Json.string(params, "protocolVersion").orElse("2025-06-18"))
                  .add("capabilities", Json.object().add("tools", Json.object()))
                  .add(
                      "serverInfo",
                      Json.object().add("name", "training-echo").add("version", "1.0.0"))
                  .build());
      case "ping" -> new Result(request.id(), JsonValue.EMPTY_JSON_OBJECT);
      case "tools/list" ->
          new Result(
              request.id(),
              Json.object()
                  .add(
                      "tools",
                      Json.array()
                          .add(
                              Json.object()
                                  .add("name", "echo")
                                  .add(
                                      "inputSchema",
                                      Json.object()
                                          .add("type", "object")
                                          .add(
                                              "properties",
                                              Json.object()
                                                  .add(
                                                      "message",
                                                      Json.object().add("type", "string"))))))
                  .build());
      case "tools/call" ->
          new Result(
              request.id(),
              Json.object()
                  .add(
                      "content",
                      Json.array()
                          .add(
                              Json.object()
                                  .add("type", "text")
                                  .add(
                                      "text",
                                      "Echo: "
                                          + Json.object(params, "arguments")
                                              .flatMap(a -> Json.string(a, "message"))
                                              .orElse(""))))
                  .build());
      default ->
          new Failure(
              request.id(),
              JsonRpcError.of(JsonRpcError.METHOD_NOT_FOUND, "no method " + request.method()));
    };
  }

  private static Optional<Notification> progress(Request request) {
    return Json.object(request.params(), "_meta")
        .flatMap(meta -> Optional.ofNullable(meta.get("progressToken")))
        .map(
            token ->
                new Notification(
                    "notifications/progress",
                    Json.object().add("progressToken", token).add("progress", 1).build()));
  }

  private static void send(PrintStream out, JsonRpcMessage message) {
    out.print(JsonRpcCodec.encode(message));
    out.print('\n');
    out.flush();
  }
}
