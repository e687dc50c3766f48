package io.mcpoperator.k8stools.mcp;

import io.mcpoperator.k8stools.command.Tool;
import io.mcpoperator.k8stools.service.ToolRequest;
import io.mcpoperator.k8stools.service.ToolResult;
import io.mcpoperator.k8stools.service.ToolResultJson;
import io.mcpoperator.k8stools.service.ToolService;
import io.mcpoperator.k8stools.web.ToolsRoutes;
import io.mcpoperator.mcp.McpBackend;
import io.mcpoperator.mcp.McpException;
import io.mcpoperator.mcp.McpRequest;
import io.mcpoperator.mcp.ServerIdentity;
import io.mcpoperator.mcp.jsonrpc.JsonRpcError;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Optional;

/** Serves the tools {@code kubectl}, {@code helm}, {@code istioctl} and {@code argocd} over MCP. */
public final class K8sToolsBackend implements McpBackend {
  private final ToolService service;
  private final String version;
  private final String policyMode;

  public K8sToolsBackend(ToolService service, String version, String policyMode) {
    this.service = service;
    this.version = version;
    this.policyMode = policyMode;
  }

  @Override
  public ServerIdentity identity() {
    return new ServerIdentity(
        Json.createObjectBuilder().add("name", "mcp-k8s-server").add("version", version).build(),
        Json.createObjectBuilder().add("tools", JsonValue.EMPTY_JSON_OBJECT).build(),
        Optional.of(
            "Kubernetes CLI tools. Each tool takes a command, with or without the tool's name"
                + " in front ('kubectl get pods -n default' or 'get pods -n default'); output may be piped into grep, head,"
                + " tail, wc, sort or jq. No shell: no ';', '&&', '$(...)' or redirections. Policy"
                + " mode: "
                + policyMode
                + " (dangerous commands such as delete are blocked in strict mode)."));
  }

  @Override
  public JsonObject handle(McpRequest request) throws McpException {
    return switch (request.method()) {
      case "tools/list" -> ToolDescriptions.list();
      case "tools/call" -> call(request);
      default -> throw new McpException(JsonRpcError.methodNotFound(request.method()));
    };
  }

  private JsonObject call(McpRequest request) throws McpException {
    JsonObject params = request.params();
    String name = text(params, "name").orElse("");
    if (Tool.byName(name).isEmpty()) {
      throw new McpException(
          JsonRpcError.invalidParams("unknown tool '" + name + "'; available: " + Tool.names()));
    }
    JsonObject arguments =
        params.get("arguments") instanceof JsonObject a ? a : JsonValue.EMPTY_JSON_OBJECT;
    Optional<String> kubeconfig =
        request
            .httpHeader(ToolsRoutes.KUBECONFIG_HEADER.defaultCase())
            .or(() -> text(arguments, "kubeconfig"));
    ToolResult result =
        service.execute(
            new ToolRequest(
                name,
                text(arguments, "command").orElse(""),
                text(arguments, "namespace"),
                kubeconfig));
    return Json.createObjectBuilder()
        .add(
            "content",
            Json.createArrayBuilder()
                .add(
                    Json.createObjectBuilder()
                        .add("type", "text")
                        .add("text", ContentText.of(result))))
        .add("structuredContent", ToolResultJson.of(result))
        .add("isError", !result.success())
        .build();
  }

  private static Optional<String> text(JsonObject object, String key) {
    return object.get(key) instanceof JsonString s ? Optional.of(s.getString()) : Optional.empty();
  }
}
