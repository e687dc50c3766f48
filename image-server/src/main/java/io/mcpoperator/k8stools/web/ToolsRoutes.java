package io.mcpoperator.k8stools.web;

import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.mcpoperator.k8stools.command.ErrorCode;
import io.mcpoperator.k8stools.service.ToolInventory;
import io.mcpoperator.k8stools.service.ToolRequest;
import io.mcpoperator.k8stools.service.ToolResult;
import io.mcpoperator.k8stools.service.ToolResultJson;
import io.mcpoperator.k8stools.service.ToolService;
import io.mcpoperator.mcp.transport.OriginPolicy;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Optional;

/** {@code POST /tools/{tool}} and {@code GET /tools/status}. */
public final class ToolsRoutes implements HttpService {
  /** The header carrying a base64 kubeconfig; it wins over the body's {@code kubeconfig}. */
  public static final HeaderName KUBECONFIG_HEADER = HeaderNames.create("X-Kubeconfig");

  private static final HeaderName ORIGIN = HeaderNames.create("Origin");

  private final ToolService service;
  private final ToolInventory inventory;
  private final RestGate gate;

  /**
   * @param allowedOrigins the browser origins allowed to call, as for the gateway: empty allows
   *     loopback origins only, {@code "*"} any; requests without {@code Origin} always pass
   */
  public ToolsRoutes(ToolService service, ToolInventory inventory, List<String> allowedOrigins) {
    this.service = service;
    this.inventory = inventory;
    this.gate = new RestGate(new OriginPolicy(allowedOrigins));
  }

  @Override
  public void routing(HttpRules rules) {
    rules.get("/tools/status", this::status);
    rules.post("/tools/{tool}", this::call);
  }

  private void status(ServerRequest req, ServerResponse res) {
    if (passes(req, res, false)) {
      JsonReply.send(res, 200, inventory.status());
    }
  }

  private boolean passes(ServerRequest req, ServerResponse res, boolean post) {
    Optional<RestGate.Refusal> refusal =
        gate.check(
            post,
            req.headers().first(ORIGIN).map(String::strip).filter(s -> !s.isEmpty()),
            req.headers().first(HeaderNames.CONTENT_TYPE));
    refusal.ifPresent(r -> JsonReply.send(res, r.status(), invalid(r.message())));
    return refusal.isEmpty();
  }

  private void call(ServerRequest req, ServerResponse res) {
    if (!passes(req, res, true)) {
      return;
    }
    String tool = req.path().pathParameters().get("tool");
    JsonObject body;
    try {
      body = body(req.content().hasEntity() ? req.content().as(String.class) : "");
    } catch (IllegalArgumentException e) {
      JsonReply.send(res, 400, invalid(e.getMessage()));
      return;
    }
    Optional<String> header = req.headers().first(KUBECONFIG_HEADER);
    ToolRequest request =
        new ToolRequest(
            tool,
            string(body, "command").orElse(""),
            string(body, "namespace"),
            header.isPresent() ? header : string(body, "kubeconfig"));
    ToolResult result = service.execute(request);
    JsonReply.send(res, result.httpStatus(), ToolResultJson.of(result));
  }

  private static JsonObject body(String text) {
    if (text.isBlank()) {
      throw new IllegalArgumentException(
          "request body must be a JSON object such as {\"command\": \"kubectl get pods\"}");
    }
    JsonValue json;
    try {
      // the MCP library's parser: Parsson's depth and number limits surface as JsonException
      json = io.mcpoperator.mcp.jsonrpc.Json.parse(text);
    } catch (JsonException e) {
      throw new IllegalArgumentException("request body is not valid JSON: " + e.getMessage(), e);
    }
    if (!(json instanceof JsonObject object)) {
      throw new IllegalArgumentException("request body must be a JSON object");
    }
    for (String field : new String[] {"command", "namespace", "kubeconfig"}) {
      JsonValue value = object.get(field);
      if (value != null
          && value.getValueType() != JsonValue.ValueType.STRING
          && value.getValueType() != JsonValue.ValueType.NULL) {
        throw new IllegalArgumentException("'" + field + "' must be a string");
      }
    }
    return object;
  }

  private static Optional<String> string(JsonObject body, String field) {
    return body.get(field) instanceof JsonString s ? Optional.of(s.getString()) : Optional.empty();
  }

  static JsonObject invalid(String message) {
    return Json.createObjectBuilder()
        .add("success", false)
        .add("output", "")
        .add("error", message)
        .add("exit_code", JsonValue.NULL)
        .add("error_code", ErrorCode.VALIDATION_ERROR.name())
        .add("truncated", false)
        .build();
  }
}
