package io.mcpoperator.mcp.testing;

import io.mcpoperator.mcp.McpBackend;
import io.mcpoperator.mcp.McpClients;
import io.mcpoperator.mcp.McpException;
import io.mcpoperator.mcp.McpRequest;
import io.mcpoperator.mcp.ServerIdentity;
import io.mcpoperator.mcp.jsonrpc.Json;
import io.mcpoperator.mcp.jsonrpc.JsonRpcError;
import io.mcpoperator.mcp.jsonrpc.JsonRpcMessage;
import jakarta.json.JsonObject;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A test server with tools {@code echo} (returns its text), {@code progress} (two progress
 * notifications first), {@code sample} (asks the client for a sampling completion), {@code block}
 * (waits until released or cancelled) and {@code boom} (throws, its message naming a temp file and
 * the PATH).
 */
public final class EchoBackend implements McpBackend {
  public final CountDownLatch release = new CountDownLatch(1);
  public volatile boolean sawCancel;
  public volatile McpClients clients;

  @Override
  public ServerIdentity identity() {
    return new ServerIdentity(
        Json.object().add("name", "echo").add("version", "1.0.0").build(),
        Json.object()
            .add("tools", Json.object().add("listChanged", true))
            .add("logging", Json.object())
            .build(),
        Optional.of("Echoes things"));
  }

  @Override
  public void bind(McpClients clients) {
    this.clients = clients;
  }

  @Override
  public JsonObject handle(McpRequest request) throws McpException {
    return switch (request.method()) {
      case "tools/list" -> Json.object().add("tools", Json.array().add(tool("echo"))).build();
      case "tools/call" -> call(request);
      default -> throw new McpException(JsonRpcError.methodNotFound(request.method()));
    };
  }

  private JsonObject call(McpRequest request) throws McpException {
    String name = Json.string(request.params(), "name").orElse("");
    JsonObject args =
        Json.object(request.params(), "arguments").orElse(JsonObject.EMPTY_JSON_OBJECT);
    return switch (name) {
      case "echo" -> text(Json.string(args, "text").orElse(""));
      case "progress" -> {
        var token = request.progressToken().orElse(Json.string("none"));
        for (int i = 1; i <= 2; i++) {
          request.notify(
              "notifications/progress",
              Json.object().add("progressToken", token).add("progress", i).add("total", 2).build());
        }
        yield text("done");
      }
      case "sample" -> {
        JsonRpcMessage.Response answer =
            request
                .request("sampling/createMessage", Json.object().add("maxTokens", 10).build())
                .join();
        yield text(answer instanceof JsonRpcMessage.Result r ? Json.write(r.result()) : "error");
      }
      case "block" -> {
        request.onCancel(() -> sawCancel = true);
        try {
          release.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        yield text("released");
      }
      case "overflow" -> text(String.valueOf(recurse(0)));
      case "boom" ->
          throw new IllegalStateException(
              "boom writing /tmp/gateway-7781/state (PATH=/usr/local/bin:/usr/bin)");
      default -> throw new McpException(JsonRpcError.invalidParams("unknown tool " + name));
    };
  }

  /** Never returns: ends in a StackOverflowError, as a runaway recursion in a backend does. */
  private static int recurse(int depth) {
    return recurse(depth + 1) + 1;
  }

  private static JsonObject tool(String name) {
    return Json.object()
        .add("name", name)
        .add("description", "test tool")
        .add("inputSchema", Json.object().add("type", "object"))
        .build();
  }

  private static JsonObject text(String text) {
    return Json.object()
        .add("content", Json.array().add(Json.object().add("type", "text").add("text", text)))
        .build();
  }
}
