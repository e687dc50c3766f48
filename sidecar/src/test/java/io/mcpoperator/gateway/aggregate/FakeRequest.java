package io.mcpoperator.gateway.aggregate;

import io.mcpoperator.mcp.McpRequest;
import io.mcpoperator.mcp.jsonrpc.Json;
import io.mcpoperator.mcp.jsonrpc.JsonRpcMessage;
import io.mcpoperator.mcp.session.ClientSession;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/** A client request for unit tests; {@link #cancel()} fires the registered cancel actions. */
final class FakeRequest implements McpRequest {
  private final String method;
  private final JsonObject params;
  private final ClientSession session;
  private final List<Runnable> onCancel = new CopyOnWriteArrayList<>();
  private volatile boolean cancelled;

  FakeRequest(String method, JsonObject params, String sessionId) {
    this.method = method;
    this.params = params;
    this.session =
        new ClientSession(
            Optional.of(sessionId),
            "2025-06-18",
            JsonValue.EMPTY_JSON_OBJECT,
            JsonValue.EMPTY_JSON_OBJECT,
            Optional.empty());
  }

  static FakeRequest of(String method, String paramsJson) {
    return new FakeRequest(method, (JsonObject) Json.parse(paramsJson), "session-1");
  }

  @Override
  public String method() {
    return method;
  }

  @Override
  public JsonObject params() {
    return params;
  }

  @Override
  public JsonValue id() {
    return Json.number(1);
  }

  @Override
  public ClientSession session() {
    return session;
  }

  @Override
  public void notify(String method, JsonObject params) {}

  @Override
  public CompletableFuture<JsonRpcMessage.Response> request(String method, JsonObject params) {
    return CompletableFuture.failedFuture(new UnsupportedOperationException(method));
  }

  @Override
  public boolean cancelled() {
    return cancelled;
  }

  @Override
  public void onCancel(Runnable action) {
    onCancel.add(action);
  }

  void cancel() {
    cancelled = true;
    onCancel.forEach(Runnable::run);
  }
}
