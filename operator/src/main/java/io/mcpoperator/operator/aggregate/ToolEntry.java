package io.mcpoperator.operator.aggregate;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import io.mcpoperator.operator.api.McpTool;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** A served tool: an MCPTool whose Service resolved to {@code url}. */
public record ToolEntry(McpTool tool, String url) implements Entry {

  @Override
  public String name() {
    return tool.name();
  }

  @Override
  public Source source() {
    return Source.of(McpTool.KIND, tool.meta());
  }

  @Override
  public Optional<OffsetDateTime> created() {
    return tool.meta().creationTimestamp();
  }

  @Override
  public List<String> keys() {
    return List.of(tool.name());
  }

  /** The Secret keys its headers read. */
  public List<SecretEnv> secretEnvs() {
    return tool.headers().stream().flatMap(h -> h.secret().stream()).map(SecretEnv::of).toList();
  }

  @Override
  public JsonObject toJson() {
    JsonObject json = new JsonObject();
    json.addProperty("name", tool.name());
    json.addProperty("description", tool.description());
    json.add("source", source().toJson());
    JsonObject endpoint = new JsonObject();
    endpoint.addProperty("url", url);
    endpoint.addProperty("method", tool.method());
    json.add("endpoint", endpoint);
    JsonObject input = tool.inputSchema();
    if (!input.has("type")) {
      input.addProperty("type", "object");
    }
    json.add("inputSchema", input);
    json.add(
        "outputSchema", tool.outputSchema().<JsonElement>map(s -> s).orElse(JsonNull.INSTANCE));
    json.add("headers", headers());
    json.add("timeoutMs", number(tool.timeout().map(d -> d.toMillis())));
    json.add("cacheTtlSeconds", number(tool.cacheTtl().map(ToolEntry::wholeSeconds)));
    json.add(
        "rateLimit",
        tool.rateLimit()
            .<JsonElement>map(
                r -> {
                  JsonObject rate = new JsonObject();
                  rate.addProperty("requestsPerMinute", r.requestsPerMinute());
                  rate.addProperty("burst", r.burst());
                  return rate;
                })
            .orElse(JsonNull.INSTANCE));
    return json;
  }

  private JsonArray headers() {
    JsonArray headers = new JsonArray();
    for (McpTool.Header header : tool.headers()) {
      JsonObject h = new JsonObject();
      h.addProperty("name", header.name());
      header.value().ifPresent(v -> h.addProperty("value", v));
      header.secret().ifPresent(s -> h.addProperty("valueEnv", SecretEnv.of(s).variable()));
      headers.add(h);
    }
    return headers;
  }

  /** Sub-second TTLs round up: a cache entry lives at least one second. */
  private static long wholeSeconds(Duration ttl) {
    long seconds = ttl.toSeconds();
    return ttl.equals(Duration.ofSeconds(seconds)) ? seconds : seconds + 1;
  }

  private static JsonElement number(Optional<Long> value) {
    return value.<JsonElement>map(JsonPrimitive::new).orElse(JsonNull.INSTANCE);
  }
}
