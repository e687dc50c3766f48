package io.mcpoperator.operator.api;

import com.google.gson.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A parsed MCPTool: an HTTP endpoint of a Service served as an MCP tool.
 *
 * @param meta metadata
 * @param name tool name seen by clients
 * @param description what the tool does
 * @param service the Service, port and path called
 * @param method HTTP method of the call
 * @param inputSchema JSON Schema of the arguments (a copy; never changed)
 * @param outputSchema JSON Schema of the JSON result, if declared
 * @param headers headers sent with every call
 * @param timeout time a call may take, if set
 * @param cacheTtl how long identical calls' results are cached, if cached
 * @param rateLimit calls per minute per client, if limited
 */
public record McpTool(
    ResourceMeta meta,
    String name,
    String description,
    ServiceRef service,
    String method,
    JsonObject inputSchema,
    Optional<JsonObject> outputSchema,
    List<Header> headers,
    Optional<Duration> timeout,
    Optional<Duration> cacheTtl,
    Optional<GatewayConfigSpec.RateLimit> rateLimit)
    implements Member {

  /** API kind. */
  public static final String KIND = "MCPTool";

  public McpTool {
    inputSchema = inputSchema.deepCopy();
    outputSchema = outputSchema.map(JsonObject::deepCopy);
    headers = List.copyOf(headers);
  }

  /** A copy: the caller may change it. */
  @Override
  public JsonObject inputSchema() {
    return inputSchema.deepCopy();
  }

  /** A copy: the caller may change it. */
  @Override
  public Optional<JsonObject> outputSchema() {
    return outputSchema.map(JsonObject::deepCopy);
  }

  /** A header: an inline value, or a key of a Secret in the tool's namespace. */
  public record Header(String name, Optional<String> value, Optional<SecretKeyRef> secret) {}
}
